// The C truncate thread, for a setup with a truncate actor (TRUNCATE_PAGE >= 0): released once a round,
// it waits a delay that sweeps the collapse's measured duration over 16 rounds, then cuts the file to
// TRUNCATE_PAGE pages while MADV_COLLAPSE runs. The sequence counter stays odd from the cut until the
// next rebuild has restored the file, so checkers never judge a truncated file.

export const C_TRUNCATE = String.raw`
static atomic_long truncate_go, truncate_done;
/* Set by the collapser once its last round is over: only then may the truncate thread leave. */
static atomic_int truncate_quit;
static atomic_llong collapse_ns = 1000000, cut_at_ns;
/* Cuts, and those that began before MADV_COLLAPSE returned: the ones that raced it. */
static long long truncations, cuts_during_collapse;

static long long now_ns(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000000000LL + t.tv_nsec;
}

/* Runs every round it was released for, so the collapser never waits on a thread that left. */
static void *truncator(void *arg)
{
	long done = 0;
	pin_to(*(int *)arg);
	for (;;) {
		long go = atomic_load(&truncate_go);
		if (go == done) {
			if (atomic_load(&truncate_quit))
				break;
			sched_yield();
			continue;
		}
		long long until = now_ns() + (go % 16) * atomic_load(&collapse_ns) / 16;
		while (now_ns() < until)
			;
		atomic_fetch_add(&seq, 1);
		atomic_store(&cut_at_ns, now_ns());
		if (ftruncate(fd, TRUNCATE_PAGE * PAGE_BYTES))
			die_errno("ftruncate");
		truncations++;
		done = go;
		atomic_store(&truncate_done, done);
	}
	return NULL;
}

/* Before the collapse: let the truncate thread go (no-op without one). */
static void release_truncate(void)
{
	if (TRUNCATE_PAGE >= 0)
		atomic_fetch_add(&truncate_go, 1);
}

/* After the collapse began at began_ns: wait for this round's cut; keep the duration the delays sweep. */
static void await_truncate(long long began_ns)
{
	long long ended = now_ns();
	if (TRUNCATE_PAGE < 0)
		return;
	if (!opt_control)
		atomic_store(&collapse_ns, (7 * atomic_load(&collapse_ns) + ended - began_ns) / 8);
	while (atomic_load(&truncate_done) != atomic_load(&truncate_go))
		sched_yield();
	cuts_during_collapse += atomic_load(&cut_at_ns) < ended;
}
`;
