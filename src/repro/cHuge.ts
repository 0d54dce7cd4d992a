// The C check that a collapse really happened: madvise(MADV_COLLAPSE) also returns 0 when the range is
// already huge, so a round counts as a collapse only if the range was split before it and one huge
// folio after. /proc/kpageflags (root) gives the folio; otherwise smaps gives the PMD mapping.

export const C_HUGE = String.raw`
enum verify_method { VERIFY_NONE, VERIFY_KPAGEFLAGS, VERIFY_SMAPS };
static enum verify_method verify_method;
static int pagemap_fd = -1, kpageflags_fd = -1;
static long long verified, huge_after, split_checked, split_before;

#define KPF_COMPOUND_HEAD 15
#define KPF_COMPOUND_TAIL 16
#define KPF_THP 22

/* The page frame mapped at va (0 when not mapped or not shown: pagemap hides frames from non-root). */
static uint64_t frame_of(const char *va)
{
	uint64_t entry;
	off_t at = (off_t)((uintptr_t)va / PAGE_BYTES) * (off_t)sizeof(entry);
	if (pread(pagemap_fd, &entry, sizeof(entry), at) != (ssize_t)sizeof(entry) || !(entry >> 63))
		return 0;
	return entry & ((1ULL << 55) - 1);
}

static uint64_t kpageflags_of(uint64_t frame)
{
	uint64_t flags = 0;
	if (pread(kpageflags_fd, &flags, sizeof(flags), (off_t)(frame * sizeof(flags))) != (ssize_t)sizeof(flags))
		return 0;
	return flags;
}

/* Pages 0 and NPAGES-1 are one huge folio: a THP head and, NPAGES-1 frames on, its tail. */
static int one_folio_by_kpageflags(void)
{
	(void)*(volatile char *)map;
	(void)*(volatile char *)(map + (NPAGES - 1) * PAGE_BYTES);
	uint64_t head = frame_of(map), tail = frame_of(map + (NPAGES - 1) * PAGE_BYTES);
	if (!head || tail != head + NPAGES - 1)
		return 0;
	uint64_t h = kpageflags_of(head), t = kpageflags_of(tail);
	return (h >> KPF_THP & 1) && (h >> KPF_COMPOUND_HEAD & 1) && (t >> KPF_COMPOUND_TAIL & 1);
}

/* Kilobytes of the mapping that smaps shows mapped by PMDs (ShmemPmdMapped, FilePmdMapped). */
static long pmd_mapped_kb(void)
{
	char line[512], start[32];
	long kb = 0, v;
	int ours = 0;
	FILE *f = fopen("/proc/self/smaps", "r");
	if (!f)
		return -1;
	snprintf(start, sizeof(start), "%lx-", (unsigned long)(uintptr_t)map);
	while (fgets(line, sizeof(line), f)) {
		if (strchr(line, '-') && strncmp(line, start, strlen(start)) == 0)
			ours = 1;
		else if (ours && strncmp(line, "VmFlags:", 8) == 0)
			break;
		else if (ours && (sscanf(line, "ShmemPmdMapped: %ld kB", &v) == 1 ||
				  sscanf(line, "FilePmdMapped: %ld kB", &v) == 1))
			kb += v;
	}
	fclose(f);
	return kb;
}

/* Whether the range is one huge folio now (smaps: mapped by a PMD, which only a huge folio can be). */
static int range_is_huge(void)
{
	if (verify_method == VERIFY_KPAGEFLAGS)
		return one_folio_by_kpageflags();
	return pmd_mapped_kb() >= RANGE_BYTES / 1024;
}

/*
 * kpageflags when this process may read frames (root), else smaps, else nothing to verify with; nothing
 * either with a truncate thread, whose cut makes touching the range past the new end a SIGBUS.
 */
static void choose_verify_method(void)
{
	if (TRUNCATE_PAGE >= 0)
		return;
	pagemap_fd = open("/proc/self/pagemap", O_RDONLY);
	kpageflags_fd = open("/proc/kpageflags", O_RDONLY);
	if (pagemap_fd >= 0 && kpageflags_fd >= 0) {
		(void)*(volatile char *)map;
		if (frame_of(map)) {
			verify_method = VERIFY_KPAGEFLAGS;
			return;
		}
	}
	verify_method = pmd_mapped_kb() >= 0 ? VERIFY_SMAPS : VERIFY_NONE;
}

static const char *verify_name(void)
{
	static const char *const names[] = { "none", "kpageflags", "smaps" };
	return names[verify_method];
}
`;
