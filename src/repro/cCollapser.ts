// The C collapser: rebuild the file into the setup's state (sequence counter odd meanwhile), then
// MADV_COLLAPSE (or, in the control, leave the file still for as long), then check every page's data.

export const C_COLLAPSER = String.raw`
static void write_page(int page)
{
	static uint64_t buf[PAGE_BYTES / sizeof(uint64_t)];
	for (size_t i = 0; i < PAGE_BYTES / sizeof(uint64_t); i++)
		buf[i] = pattern(page);
	if (pwrite(fd, buf, PAGE_BYTES, page * PAGE_BYTES) != PAGE_BYTES)
		die_errno("pwrite");
}

static void punch(long first, long count)
{
	if (fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, first * PAGE_BYTES,
		      count * PAGE_BYTES))
		die_errno("fallocate(PUNCH_HOLE)");
}

/* Every page from scratch: holes punched, pages written, fallocated, mapped and touched, paged out. */
static void rebuild_all(void)
{
	punch(0, NPAGES);
	for (int r = 0; r < NRUNS; r++) {
		const struct run *run = &runs[r];
		if (run->state == PG_HOLE)
			continue;
		if (run->state == PG_FALLOC) {
			if (fallocate(fd, FALLOC_FL_KEEP_SIZE, run->first * PAGE_BYTES,
				      run->count * PAGE_BYTES))
				die_errno("fallocate");
			continue;
		}
		for (int p = run->first; p < run->first + run->count; p++)
			write_page(p);
		if (run->state == PG_MAPPED || run->state == PG_SWAPPED)
			for (int p = run->first; p < run->first + run->count; p++)
				(void)*(volatile char *)(map + p * PAGE_BYTES);
		/* Without swap the pages stay resident: the checkers accept either answer for them. */
		if (run->state == PG_SWAPPED)
			(void)madvise(map + run->first * PAGE_BYTES, run->count * PAGE_BYTES, MADV_PAGEOUT);
	}
}

/* A fully written file only needs its huge page split: punch one page and write it back. */
static void rebuild(int from_scratch)
{
	if (from_scratch || !CHEAP_SPLIT) {
		rebuild_all();
		return;
	}
	punch(NPAGES - 1, 1);
	write_page(NPAGES - 1);
}

/* One read of the whole range (not through the mapping, which would fault pages in), page by page. */
static void check_data(void)
{
	static uint64_t file[RANGE_BYTES / sizeof(uint64_t)];
	int wrong = 0;
	if (pread(fd, file, RANGE_BYTES, 0) != RANGE_BYTES)
		die_errno("pread");
	for (int p = 0; p < NPAGES; p++) {
		if (!word_ok(p, file[p * (PAGE_BYTES / sizeof(uint64_t))])) {
			note(&data_tally, p);
			wrong = 1;
		}
	}
	data_tally.samples++;
	data_tally.anomalies += wrong;
}

static void pin_to(int cpu)
{
	cpu_set_t set;
	if (cpu < 0)
		return;
	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	(void)sched_setaffinity(0, sizeof(set), &set);
}

static void *collapser(void *arg)
{
	const struct timespec still = { 0, 100000 };
	pin_to(*(int *)arg);
	while (!atomic_load(&stop)) {
		atomic_fetch_add(&seq, 1);
		rebuild(rounds == 0);
		atomic_fetch_add(&seq, 1);
		if (opt_control) {
			nanosleep(&still, NULL);
		} else if (madvise(map, RANGE_BYTES, MADV_COLLAPSE) == 0) {
			collapses++;
		} else {
			collapse_failures++;
			errno_counts[errno & 255]++;
		}
		check_data();
		rounds++;
	}
	return NULL;
}
`;
