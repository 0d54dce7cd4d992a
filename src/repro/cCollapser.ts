// The C collapser: rebuild the file into the setup's state (sequence counter odd meanwhile), then
// MADV_COLLAPSE (or, in the control, leave the file still for as long), then check every page's data.
// Each collapse is verified (cHuge.ts): split before it where the file may be touched, huge after.

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
	if (TRUNCATE_PAGE >= 0 && ftruncate(fd, RANGE_BYTES))
		die_errno("ftruncate");
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

/*
 * A fully written file only needs its huge page split (xarray.md section 5). Punching one page is not
 * enough where truncation splits a huge folio buddy-wise (6.18 does): one punch leaves folios of order
 * 8 down to 1 and two small pages, so a SEEK_HOLE walk crosses every node boundary with a fresh lookup
 * and never climbs, and the node-boundary race cannot happen. Punching the last page of every 64-page
 * node, from the top down, leaves every node ending in small pages, and every boundary is climbed.
 */
static void rebuild(int from_scratch)
{
	if (from_scratch || !CHEAP_SPLIT) {
		rebuild_all();
		return;
	}
	for (int p = NPAGES - 1; p > 0; p -= XA_CHUNK_PAGES) {
		punch(p, 1);
		write_page(p);
	}
}

/*
 * One read of the whole range (not through the mapping, which would fault pages in), page by page; with
 * a truncate thread, of the pages below the new end of file.
 */
static void check_data(void)
{
	static uint64_t file[RANGE_BYTES / sizeof(uint64_t)];
	const int pages = TRUNCATE_PAGE >= 0 && TRUNCATE_PAGE < NPAGES ? TRUNCATE_PAGE : NPAGES;
	int wrong = 0;
	if (pread(fd, file, pages * PAGE_BYTES, 0) != pages * PAGE_BYTES)
		die_errno("pread");
	for (int p = 0; p < pages; p++) {
		if (!word_ok(p, file[p * (PAGE_BYTES / sizeof(uint64_t))])) {
			note(&data_tally, p);
			wrong = 1;
		}
	}
	data_tally.samples++;
	data_tally.anomalies += wrong;
}

static void *collapser(void *arg)
{
	const struct timespec still = { 0, 100000 };
	pin_to(*(int *)arg);
	while (!atomic_load(&stop)) {
		/* Odd already when the last round's truncate left it so. */
		if (!(atomic_load(&seq) & 1))
			atomic_fetch_add(&seq, 1);
		rebuild(rounds == 0);
		atomic_fetch_add(&seq, 1);
		/* Only a rebuilt fully written file may be touched: a fault would fill a hole. */
		if (!opt_control && CHEAP_SPLIT && rounds > 0 && verify_method != VERIFY_NONE) {
			split_checked++;
			split_before += !range_is_huge();
		}
		release_truncate();
		long long began = now_ns();
		if (opt_control) {
			nanosleep(&still, NULL);
		} else if (madvise(map, RANGE_BYTES, MADV_COLLAPSE) == 0) {
			collapses++;
			if (verify_method != VERIFY_NONE) {
				verified++;
				huge_after += range_is_huge();
			}
		} else {
			collapse_failures++;
			errno_counts[errno & 255]++;
		}
		await_truncate(began);
		check_data();
		rounds++;
	}
	atomic_store(&truncate_quit, 1);
	return NULL;
}
`;
