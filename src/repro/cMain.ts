// The C main: options, what the kernel must offer (exit 2 when it does not), the threads, and the
// machine-readable result lines ("result key=value ..."), exit 1 when any anomaly was seen.

export const C_SETUP = String.raw`
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
`;

export const C_REPORT = String.raw`
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
`;
