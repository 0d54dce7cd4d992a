// The C checker threads: each loops one userspace call of the setup and compares the answer with what
// the file holds, keeping only samples during which the sequence counter stayed even and unchanged.

export const C_CHECKERS = String.raw`
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
`;
