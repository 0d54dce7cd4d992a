/*
 * Collapse Lab reproducer: races madvise(MADV_COLLAPSE) on a shmem file against userspace calls
 * that check each answer against what the file holds. Setup: kernel=v6.12 slots=PPPPPPPP|xa=4 threads=collapse,seek_hole:0
 * Replay: https://collapse-lab.example/#r=BeF7DcOQIgIABpeOZpdgFwTYTcDC9huHOjHMvZ6NTGABMAAAAAAAADf_P-LzBPjo
 * In the model: collapse-lab run --kernel v6.12 --slots 'PPPPPPPP|xa=4' --threads collapse,seek_hole:0 --schedule 0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,0,1,1,1,1,1,1,1,1,1,1,1,0,0,1,1,0,0,0,0,0
 *
 * Races it can show:
 *   - SEEK_HOLE reporting a hole over data
 *   - the xarray node-boundary SEEK_HOLE race (a hole at a multiple of 64 pages)
 *   - data lost or misplaced by the collapse (checked after every round)
 * What the model says (every interleaving of this setup, per kernel variant):
 *   I1 seek: broken on v6.3, v6.3+p1, v6.3+p2, v6.3+p3, v6.4, v6.7, v5-nak, v6.12
 *   I3 data: holds on every variant
 *
 * The 8 slots become 512 pages of 4 KiB (one 2 MiB huge range); each actor works on the
 * first page of its slot. A rebuild makes the sequence counter odd, so samples that overlap one
 * are discarded. After a collapse the whole range is data (holes filled with zeros): checkers
 * accept the answer for the file as rebuilt or as one huge page, nothing else.
 * Not reproduced from the setup:
 *   - the xarray node size (|xa=4): a real kernel's nodes have 64 slots, 8 to a 2 MiB range.
 *
 * Build: gcc -O2 -Wall -Wextra -Werror -pthread -o repro repro.c
 * Run:   ./repro [-t SECONDS] [-f PATH] [-n] [-r READERS]    (-n: the control, never collapses)
 * Exit:  0 no anomaly, 1 anomalies (listed as "result anomaly" lines), 2 the kernel cannot run it.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <time.h>
#include <unistd.h>

#ifndef MADV_COLLAPSE
#define MADV_COLLAPSE 25
#endif
#ifndef MADV_PAGEOUT
#define MADV_PAGEOUT 21
#endif
#ifndef TMPFS_MAGIC
#define TMPFS_MAGIC 0x01021994
#endif

#define PAGE_BYTES 4096L
#define NPAGES 512
#define RANGE_BYTES (NPAGES * PAGE_BYTES)
/* Distinct anomalous values kept per checker; more are counted as "other". */
#define MAX_VALUES 32
/* The xarray node-boundary race reports a hole at a multiple of one leaf node (64 slots). */
#define XA_CHUNK_PAGES 64

enum page_state { PG_HOLE, PG_DATA, PG_MAPPED, PG_FALLOC, PG_SWAPPED };
enum check_kind { CK_SEEK_DATA, CK_SEEK_HOLE, CK_MINCORE, CK_READ, CK_WRITE, CK_FAULT };

struct run {
	int first, count;
	enum page_state state;
};

struct checker_spec {
	enum check_kind kind;
	int page;
	const char *name;
};

#define SETUP_TEXT "kernel=v6.12 slots=PPPPPPPP|xa=4 threads=collapse,seek_hole:0"
#define REPLAY_LINK "https://collapse-lab.example/#r=BeF7DcOQIgIABpeOZpdgFwTYTcDC9huHOjHMvZ6NTGABMAAAAAAAADf_P-LzBPjo"
#define CHEAP_SPLIT 1
#define TRUNCATE_PAGE -1
enum { NRUNS = 1, NCHECKERS = 1, NUNSETTLED = 0 };

static const struct run runs[] = {
	{ 0, 512, PG_DATA },
	{ 0, 0, PG_HOLE },
};
static const struct checker_spec checker_specs[] = {
	{ CK_SEEK_HOLE, 0, "seek_hole:0" },
	{ CK_READ, 0, "" },
};
static const int unsettled_pages[] = { 0 };

struct value_count {
	long long value;
	long long count;
};

struct tally {
	long long samples, discarded, anomalies, other;
	int nvalues;
	struct value_count values[MAX_VALUES];
};

struct checker {
	const struct checker_spec *spec;
	int cpu;
	pthread_t thread;
	struct tally tally;
	/* The answers a correct kernel may give for this call, before and after a collapse. */
	long long accepted[NPAGES + 2];
	int naccepted;
};

static int opt_seconds = 10, opt_readers = 1, opt_control;
static const char *opt_path;
static int fd = -1;
static char *map;
static _Atomic unsigned long seq;
static atomic_int stop;
static enum page_state state_of[NPAGES];
static unsigned char unsettled[NPAGES];
static long long rounds, collapses, collapse_failures;
static long long errno_counts[256];
static struct tally data_tally;

static void die(int code, const char *what)
{
	fprintf(stderr, "repro: %s\n", what);
	exit(code);
}

static void die_errno(const char *what)
{
	fprintf(stderr, "repro: %s: %s\n", what, strerror(errno));
	exit(2);
}

static uint64_t pattern(int page)
{
	return ((uint64_t)0x434c4c42 << 32) | (uint64_t)(page + 1);
}

static int holds_data(int page)
{
	enum page_state s = state_of[page];
	return s == PG_DATA || s == PG_MAPPED || s == PG_SWAPPED;
}

static void note(struct tally *t, long long value)
{
	for (int i = 0; i < t->nvalues; i++) {
		if (t->values[i].value == value) {
			t->values[i].count++;
			return;
		}
	}
	if (t->nvalues == MAX_VALUES) {
		t->other++;
		return;
	}
	t->values[t->nvalues].value = value;
	t->values[t->nvalues].count = 1;
	t->nvalues++;
}

static int accepts(const struct checker *c, long long answer)
{
	for (int i = 0; i < c->naccepted; i++)
		if (c->accepted[i] == answer)
			return 1;
	return 0;
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

/* A word of a page as the file holds it: the page's pattern, or zeros for a hole. */
static int word_ok(int page, uint64_t word)
{
	if (unsettled[page])
		return word == 0 || word == pattern(page);
	return word == (holds_data(page) ? pattern(page) : 0);
}

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

static void accept(struct checker *c, long long answer)
{
	if (!accepts(c, answer))
		c->accepted[c->naccepted++] = answer;
}

/* lseek answers as bytes (-1 for ENXIO): the file as rebuilt, or the whole range data once huge. */
static void expect_seek(struct checker *c)
{
	int data = c->spec->kind == CK_SEEK_DATA;
	int p = c->spec->page;
	if (p >= NPAGES) {
		accept(c, -1);
		return;
	}
	accept(c, data ? p * PAGE_BYTES : RANGE_BYTES);
	for (; p < NPAGES; p++) {
		if (unsettled[p]) {
			accept(c, p * PAGE_BYTES);
			continue;
		}
		if (holds_data(p) == data) {
			accept(c, p * PAGE_BYTES);
			return;
		}
	}
	accept(c, data ? -1 : RANGE_BYTES);
}

/* A page whose data stays in memory before, during and after a collapse must be reported resident. */
static void check_mincore(struct checker *c, const unsigned char *vec)
{
	int wrong = 0;
	for (int p = 0; p < NPAGES; p++) {
		if (vec[p] & 1 || !holds_data(p) || state_of[p] == PG_SWAPPED || unsettled[p])
			continue;
		note(&c->tally, p);
		wrong = 1;
	}
	c->tally.samples++;
	c->tally.anomalies += wrong;
}

static void check_word(struct checker *c, uint64_t word)
{
	c->tally.samples++;
	if (!word_ok(c->spec->page, word)) {
		c->tally.anomalies++;
		note(&c->tally, (long long)word);
	}
}

/* Call, then judge the answer only if no rebuild began or ran meanwhile. */
static void *checker(void *arg)
{
	struct checker *c = arg;
	const long at = c->spec->page * PAGE_BYTES;
	unsigned char vec[NPAGES];
	uint64_t buf[PAGE_BYTES / sizeof(uint64_t)], word = 0;
	off_t answer = 0;
	for (size_t i = 0; i < PAGE_BYTES / sizeof(uint64_t); i++)
		buf[i] = pattern(c->spec->page);
	pin_to(c->cpu);
	while (!atomic_load(&stop)) {
		unsigned long before = atomic_load(&seq);
		if (before & 1)
			continue;
		switch (c->spec->kind) {
		case CK_SEEK_DATA:
		case CK_SEEK_HOLE:
			answer = lseek(fd, at, c->spec->kind == CK_SEEK_DATA ? SEEK_DATA : SEEK_HOLE);
			break;
		case CK_MINCORE:
			if (mincore(map, RANGE_BYTES, vec))
				die_errno("mincore");
			break;
		case CK_READ:
			if (pread(fd, &word, sizeof(word), at) != (ssize_t)sizeof(word))
				die_errno("pread");
			break;
		case CK_WRITE:
			if (pwrite(fd, buf, PAGE_BYTES, at) != PAGE_BYTES)
				die_errno("pwrite");
			if (pread(fd, &word, sizeof(word), at) != (ssize_t)sizeof(word))
				die_errno("pread");
			break;
		case CK_FAULT:
			word = *(volatile uint64_t *)(map + at);
			break;
		}
		atomic_thread_fence(memory_order_acquire);
		if (atomic_load(&seq) != before) {
			c->tally.discarded++;
			continue;
		}
		switch (c->spec->kind) {
		case CK_SEEK_DATA:
		case CK_SEEK_HOLE:
			c->tally.samples++;
			if (!accepts(c, answer)) {
				c->tally.anomalies++;
				note(&c->tally, answer);
			}
			break;
		case CK_MINCORE:
			check_mincore(c, vec);
			break;
		default:
			check_word(c, word);
		}
	}
	return NULL;
}

static void usage(const char *argv0, int code)
{
	fprintf(code ? stderr : stdout,
		"usage: %s [-t SECONDS] [-f PATH] [-n] [-r READERS]\n"
		"  -t SECONDS  how long to race (default 10)\n"
		"  -f PATH     a new file on a tmpfs instead of a memfd (must not exist; removed at the end)\n"
		"  -n          control: never collapse (needs neither MADV_COLLAPSE nor shmem huge pages)\n"
		"  -r READERS  threads per checked call (default 1)\n",
		argv0);
	exit(code);
}

static int positive(const char *s, const char *argv0)
{
	char *end;
	long v = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || v <= 0 || v > 1000000)
		usage(argv0, 2);
	return (int)v;
}

static void options(int argc, char **argv)
{
	int c;
	while ((c = getopt(argc, argv, "t:f:nr:h")) != -1) {
		switch (c) {
		case 't': opt_seconds = positive(optarg, argv[0]); break;
		case 'f': opt_path = optarg; break;
		case 'n': opt_control = 1; break;
		case 'r': opt_readers = positive(optarg, argv[0]); break;
		case 'h': usage(argv[0], 0); break;
		default: usage(argv[0], 2);
		}
	}
	if (optind != argc)
		usage(argv[0], 2);
	if (opt_readers > 64)
		die(2, "-r: at most 64 readers per call");
}

/* Shmem huge pages exist unless THP is compiled out or shmem_enabled says deny. */
static void require_shmem_thp(void)
{
	char line[256] = "";
	FILE *f = fopen("/sys/kernel/mm/transparent_hugepage/shmem_enabled", "r");
	if (!f)
		die(2, "this kernel has no shmem huge pages (no /sys/kernel/mm/transparent_hugepage/shmem_enabled)");
	if (!fgets(line, sizeof(line), f))
		line[0] = '\0';
	fclose(f);
	if (strstr(line, "[deny]"))
		die(2, "shmem huge pages are disabled (shmem_enabled is deny); echo advise into it to run");
}

static void open_file(void)
{
	struct statfs fs;
	if (opt_path) {
		fd = open(opt_path, O_RDWR | O_CREAT | O_EXCL, 0600);
		if (fd < 0)
			die_errno(opt_path);
	} else {
		fd = memfd_create("collapse-lab-repro", 0);
		if (fd < 0)
			die_errno("memfd_create");
	}
	if (fstatfs(fd, &fs) == 0 && fs.f_type != TMPFS_MAGIC) {
		if (opt_path)
			unlink(opt_path);
		die(2, "-f: the file must be on a tmpfs (shmem)");
	}
	if (ftruncate(fd, RANGE_BYTES))
		die_errno("ftruncate");
}

/* A 2 MiB-aligned shared mapping, so the collapsed range can be mapped by one PMD. */
static void map_file(void)
{
	char *area = mmap(NULL, 2 * RANGE_BYTES, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (area == MAP_FAILED)
		die_errno("mmap");
	char *aligned = (char *)(((uintptr_t)area + RANGE_BYTES - 1) & ~((uintptr_t)RANGE_BYTES - 1));
	map = mmap(aligned, RANGE_BYTES, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED, fd, 0);
	if (map == MAP_FAILED)
		die_errno("mmap(file)");
	if (madvise(map, RANGE_BYTES, MADV_HUGEPAGE) && !opt_control)
		die_errno("madvise(MADV_HUGEPAGE)");
}

/* One collapse before the race: EINVAL means the kernel predates MADV_COLLAPSE (Linux 6.1). */
static void probe_collapse(void)
{
	rebuild(1);
	if (madvise(map, RANGE_BYTES, MADV_COLLAPSE) && errno == EINVAL)
		die(2, "this kernel has no MADV_COLLAPSE (Linux 6.1 or later), or cannot collapse shmem");
}

static int allowed_cpus(int *cpus, int max)
{
	cpu_set_t set;
	int n = 0;
	if (sched_getaffinity(0, sizeof(set), &set))
		return 0;
	for (int i = 0; i < CPU_SETSIZE && n < max; i++)
		if (CPU_ISSET(i, &set))
			cpus[n++] = i;
	return n;
}

static void print_values(const char *check, const char *kind, const struct tally *t)
{
	for (int i = 0; i < t->nvalues; i++) {
		const struct value_count *v = &t->values[i];
		printf("result anomaly check=%s value=%lld count=%lld", check, v->value, v->count);
		if (strcmp(kind, "seek_hole") == 0 && v->value >= 0)
			printf(" unit=bytes page=%lld node_boundary=%s", v->value / PAGE_BYTES,
			       v->value % (XA_CHUNK_PAGES * PAGE_BYTES) == 0 ? "yes" : "no");
		else if (strcmp(kind, "seek_data") == 0)
			printf(" unit=bytes");
		else if (strcmp(kind, "mincore") == 0 || strcmp(kind, "data") == 0)
			printf(" unit=page");
		else
			printf(" unit=word");
		printf("\n");
	}
	if (t->other)
		printf("result anomaly check=%s value=other count=%lld\n", check, t->other);
}

static const char *kind_name(enum check_kind k)
{
	static const char *const names[] = { "seek_data", "seek_hole", "mincore", "read", "write", "fault" };
	return names[k];
}

static long long report(struct checker *checkers, int n, int ncpus)
{
	long long total = data_tally.anomalies;
	printf("result setup=%s\n", SETUP_TEXT);
	printf("result mode=%s seconds=%d readers=%d cpus=%d\n", opt_control ? "control" : "collapse",
	       opt_seconds, opt_readers, ncpus);
	printf("result rounds=%lld collapses=%lld collapse_failures=%lld\n", rounds, collapses,
	       collapse_failures);
	if (!opt_control) {
		printf("result verify method=%s collapses=%lld huge_after=%lld", verify_name(), verified,
		       huge_after);
		if (CHEAP_SPLIT && verify_method != VERIFY_NONE)
			printf(" split_checked=%lld split_before=%lld", split_checked, split_before);
		printf("\n");
	}
	if (TRUNCATE_PAGE >= 0)
		printf("result truncate to_page=%d truncations=%lld during_collapse=%lld\n", TRUNCATE_PAGE,
		       truncations, cuts_during_collapse);
	for (int e = 0; e < 256; e++)
		if (errno_counts[e])
			printf("result collapse_error errno=%d name=%s count=%lld\n", e, strerror(e),
			       errno_counts[e]);
	for (int i = 0; i < n; i++) {
		const struct tally *t = &checkers[i].tally;
		printf("result check=%s reader=%d samples=%lld discarded=%lld anomalies=%lld\n",
		       checkers[i].spec->name, i, t->samples, t->discarded, t->anomalies);
		print_values(checkers[i].spec->name, kind_name(checkers[i].spec->kind), t);
		total += t->anomalies;
	}
	printf("result check=data samples=%lld anomalies=%lld\n", data_tally.samples, data_tally.anomalies);
	print_values("data", "data", &data_tally);
	printf("result anomalies=%lld\n", total);
	printf("result link=%s\n", REPLAY_LINK);
	return total;
}

int main(int argc, char **argv)
{
	static struct checker checkers[(NCHECKERS + 1) * 64];
	int cpus[CPU_SETSIZE];
	pthread_t collapse_thread, truncate_thread;
	options(argc, argv);
	if (sysconf(_SC_PAGESIZE) != PAGE_BYTES)
		die(2, "this reproducer assumes 4 KiB pages (512 to a 2 MiB huge page)");
	if (!opt_control)
		require_shmem_thp();
	for (int r = 0; r < NRUNS; r++)
		for (int p = runs[r].first; p < runs[r].first + runs[r].count; p++)
			state_of[p] = runs[r].state;
	for (int i = 0; i < NUNSETTLED; i++)
		unsettled[unsettled_pages[i]] = 1;
	open_file();
	map_file();
	if (!opt_control) {
		probe_collapse();
		choose_verify_method();
	}
	int ncpus = allowed_cpus(cpus, CPU_SETSIZE);
	int collapse_cpu = ncpus > 1 ? cpus[0] : -1;
	int n = NCHECKERS * opt_readers;
	for (int i = 0; i < n; i++) {
		struct checker *c = &checkers[i];
		c->spec = &checker_specs[i % (NCHECKERS ? NCHECKERS : 1)];
		c->cpu = ncpus > 1 ? cpus[1 + i % (ncpus - 1)] : -1;
		if (c->spec->kind == CK_SEEK_DATA || c->spec->kind == CK_SEEK_HOLE)
			expect_seek(c);
	}
	int truncate_cpu = ncpus > 1 ? cpus[1] : -1;
	if (TRUNCATE_PAGE >= 0 && pthread_create(&truncate_thread, NULL, truncator, &truncate_cpu))
		die(2, "pthread_create");
	if (pthread_create(&collapse_thread, NULL, collapser, &collapse_cpu))
		die(2, "pthread_create");
	/* Checkers start once the first rebuild is done, so none spins on an empty file. */
	while (atomic_load(&seq) < 2)
		sched_yield();
	for (int i = 0; i < n; i++)
		if (pthread_create(&checkers[i].thread, NULL, checker, &checkers[i]))
			die(2, "pthread_create");
	struct timespec left = { opt_seconds, 0 };
	while (nanosleep(&left, &left) && errno == EINTR)
		;
	atomic_store(&stop, 1);
	pthread_join(collapse_thread, NULL);
	if (TRUNCATE_PAGE >= 0)
		pthread_join(truncate_thread, NULL);
	for (int i = 0; i < n; i++)
		pthread_join(checkers[i].thread, NULL);
	long long total = report(checkers, n, ncpus);
	if (opt_path)
		unlink(opt_path);
	return total ? 1 : 0;
}
