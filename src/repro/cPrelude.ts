// The C program's fixed start: headers, constants, the page and checker enums and the shared state.

export const C_PRELUDE = String.raw`#define _GNU_SOURCE
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
`;

/** Shared state, the options and the helpers every part uses. */
export const C_STATE = String.raw`
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
`;
