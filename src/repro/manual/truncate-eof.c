/*
 * Collapse Lab, issue #12: a userspace test of the model's truncate finding (invariant I13 beyond-eof,
 * recorded race xarray-truncate-eof). Written by hand, not generated: the generator's slot scaling cannot
 * put a hole inside the first 64-page xarray node.
 *
 * Each round: a 2 MiB shmem file (memfd) with data in pages 0-31 and 64-511 and holes in 32-63, all small
 * pages written by pwrite. One thread calls madvise(MADV_COLLAPSE) on its mapping while another, after a
 * delay that sweeps the collapse's measured duration, cuts the file to 32 pages with ftruncate. Then the
 * file is extended back to 2 MiB and pages 64-511 are read with pread: they must read zeros (what
 * truncate removed is gone). In the model (v6.12, nodes of 4 slots) truncate's second pass walks the
 * holes to the end of the first leaf, climbs just after collapse_file's multi-index store made the next
 * upper slot a sibling entry, skips it, and returns without seeing the huge page, whose pages past the
 * new end keep their old data. Any non-zero byte there is an anomaly.
 *
 *   cc -O2 -pthread -o truncate-eof truncate-eof.c
 *   ./truncate-eof [-t SECONDS] [-n]     (-n: control, never collapse)
 *
 * Output: "result key=value" lines. Exit 0: ran (anomalies are counted, not failures); 2: no MADV_COLLAPSE.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#ifndef MADV_COLLAPSE
#define MADV_COLLAPSE 25
#endif

#define PAGE 4096L
#define PAGES 512L
#define RANGE (PAGES * PAGE)
#define CUT 32L      /* the new end of file, in pages */
#define HOLE_END 64L /* pages CUT..HOLE_END-1 are holes */

static int fd;
static char *map;
static int control;
static atomic_long go, done;
static atomic_int quit;
static atomic_llong collapse_ns = 1000000, cut_ns;

static void die(const char *what)
{
	fprintf(stderr, "truncate-eof: %s: %s\n", what, strerror(errno));
	exit(1);
}

static long long now_ns(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000000000LL + t.tv_nsec;
}

static void pin(int cpu)
{
	cpu_set_t s;
	CPU_ZERO(&s);
	CPU_SET(cpu % sysconf(_SC_NPROCESSORS_ONLN), &s);
	sched_setaffinity(0, sizeof(s), &s);
}

/* Cuts the file to CUT pages once a round, after a delay sweeping the collapse's duration. */
static void *truncator(void *arg)
{
	long seen = 0;
	(void)arg;
	pin(1);
	for (;;) {
		long g = atomic_load(&go);
		if (g == seen) {
			if (atomic_load(&quit))
				return NULL;
			sched_yield();
			continue;
		}
		long long until = now_ns() + (g % 32) * atomic_load(&collapse_ns) / 32;
		while (now_ns() < until)
			;
		atomic_store(&cut_ns, now_ns());
		if (ftruncate(fd, CUT * PAGE))
			die("ftruncate(cut)");
		seen = g;
		atomic_store(&done, seen);
	}
}

static char page_buf[PAGE];

/* The file as each round starts: data (non-zero, naming round and page) in 0-31 and 64-511. */
static void rebuild(long round)
{
	if (ftruncate(fd, 0) || ftruncate(fd, RANGE))
		die("ftruncate(rebuild)");
	for (long p = 0; p < PAGES; p++) {
		if (p >= CUT && p < HOLE_END)
			continue;
		memset(page_buf, 1 + (int)((round + p) % 255), PAGE);
		if (pwrite(fd, page_buf, PAGE, p * PAGE) != PAGE)
			die("pwrite");
	}
}

/* After the cut and the extension: the first page in 64-511 that does not read zeros, or -1. */
static long first_nonzero(void)
{
	for (long p = HOLE_END; p < PAGES; p++) {
		if (pread(fd, page_buf, PAGE, p * PAGE) != PAGE)
			die("pread");
		for (long i = 0; i < PAGE; i++)
			if (page_buf[i])
				return p;
	}
	return -1;
}

int main(int argc, char **argv)
{
	double seconds = 60;
	int c;
	while ((c = getopt(argc, argv, "t:n")) != -1) {
		if (c == 't')
			seconds = atof(optarg);
		else if (c == 'n')
			control = 1;
		else {
			fprintf(stderr, "usage: %s [-t SECONDS] [-n]\n", argv[0]);
			return 1;
		}
	}
	fd = memfd_create("collapse-lab-truncate-eof", 0);
	if (fd < 0)
		die("memfd_create");
	if (ftruncate(fd, RANGE))
		die("ftruncate");
	char *area = mmap(NULL, 2 * RANGE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (area == MAP_FAILED)
		die("mmap(area)");
	char *aligned = (char *)(((uintptr_t)area + RANGE - 1) & ~(uintptr_t)(RANGE - 1));
	map = mmap(aligned, RANGE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED, fd, 0);
	if (map == MAP_FAILED)
		die("mmap(file)");
	if (madvise(map, RANGE, MADV_HUGEPAGE) && !control)
		die("madvise(MADV_HUGEPAGE)");
	rebuild(0);
	if (!control && madvise(map, RANGE, MADV_COLLAPSE) && errno == EINVAL) {
		fprintf(stderr, "truncate-eof: no MADV_COLLAPSE on this kernel\n");
		return 2;
	}
	pthread_t th;
	pthread_create(&th, NULL, truncator, NULL);
	pin(0);
	long rounds = 0, collapsed = 0, raced = 0, anomalies = 0, first_page = -1;
	long long end = now_ns() + (long long)(seconds * 1e9);
	while (now_ns() < end) {
		rounds++;
		rebuild(rounds);
		atomic_fetch_add(&go, 1);
		long long began = now_ns();
		if (control) {
			while (now_ns() < began + 100000)
				;
		} else if (madvise(map, RANGE, MADV_COLLAPSE) == 0)
			collapsed++;
		long long ended = now_ns();
		if (!control)
			atomic_store(&collapse_ns, (7 * atomic_load(&collapse_ns) + ended - began) / 8);
		while (atomic_load(&done) != atomic_load(&go))
			sched_yield();
		raced += atomic_load(&cut_ns) < ended;
		if (ftruncate(fd, RANGE))
			die("ftruncate(extend)");
		long p = first_nonzero();
		if (p >= 0) {
			anomalies++;
			if (first_page < 0)
				first_page = p;
			printf("anomaly round=%ld page=%ld (old data past the cut at page %ld)\n", rounds, p, CUT);
			fflush(stdout);
		}
	}
	atomic_store(&quit, 1);
	pthread_join(th, NULL);
	printf("result mode=%s seconds=%.0f rounds=%ld collapses=%ld cuts_during_collapse=%ld anomalies=%ld "
	       "first_page=%ld\n",
	       control ? "control" : "collapse", seconds, rounds, collapsed, raced, anomalies, first_page);
	return 0;
}
