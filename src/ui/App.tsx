export function App() {
  return (
    <main>
      <h1>Collapse Lab</h1>
      <p>khugepaged collapse_file() on shmem, racing lseek, mincore, faults and more.</p>
    </main>
  );
}
