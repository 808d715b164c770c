/*
 * rate: HTTP/1.1 POSTs at a fixed rate (open loop), latency measured from when each request was
 * due, not from when it could be sent: the correction for coordinated omission that wrk2 makes
 * (Gil Tene, "How NOT to measure latency"). Debian ships wrk, not wrk2, and wrk keeps every
 * connection busy (closed loop): its p99 is the latency of a saturated server, queueing included,
 * and a stall delays the requests it would have sent instead of counting them late. A target such
 * as "5,000 requests/s with p99 < 5 ms" is a latency at that rate, which is what this measures.
 *
 *   gcc -O2 -o rate bench/serving/rate.c
 *   rate HOST PORT PATH TOKEN BODIES RATE SECONDS WARMUP CONNECTIONS
 *
 * BODIES: one JSON request body per line (cycled). Request j of the run is due at start + j / RATE;
 * when it is due it goes out on a free keep-alive connection, or waits for one (its latency still
 * counts from the due time). After WARMUP seconds at the rate, SECONDS are measured; requests due
 * in that window are waited for up to 10 s after it. Prints one line of key=value figures on
 * standard output: the rate asked and the rate answered, p50/p90/p99/p99.9/max in ms, errors
 * (non-2xx answers, dropped connections), unfinished requests and the seconds measured (longer
 * than SECONDS when answers to the window's requests came after it). RATE_SLOW_MS=N lists requests
 * slower than N ms on standard error.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

typedef struct {
    int fd;
    int busy;          /* a request is out and its answer not complete */
    int64_t due;       /* ns: when the request in flight was due */
    int measured;      /* whether it was due inside the measured window */
    const char *out;   /* what is left to write of it */
    size_t outLeft;
    char *in;          /* what has been read of its answer */
    size_t inLen, inCap;
} Conn;

static struct sockaddr_in addr;
static int ep;
static char **requests;
static size_t *requestLen;
static int nRequests;

static int64_t now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t) t.tv_sec * 1000000000 + t.tv_nsec;
}

static void die(const char *what) {
    perror(what);
    exit(1);
}

static void connectConn(Conn *c) {
    c->fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    if (c->fd < 0) die("socket");
    int one = 1;
    setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (connect(c->fd, (struct sockaddr *) &addr, sizeof addr) < 0 && errno != EINPROGRESS) die("connect");
    struct epoll_event ev = {.events = EPOLLIN | EPOLLOUT | EPOLLET, .data.ptr = c};
    if (epoll_ctl(ep, EPOLL_CTL_ADD, c->fd, &ev) < 0) die("epoll_ctl");
    c->busy = 0;
    c->inLen = 0;
    c->outLeft = 0;
}

static void writeSome(Conn *c) {
    while (c->outLeft > 0) {
        ssize_t n = write(c->fd, c->out, c->outLeft);
        if (n < 0) {
            if (errno == EAGAIN || errno == ENOTCONN) return; /* EPOLLOUT says when to go on */
            return; /* a broken connection shows up as a read error */
        }
        c->out += n;
        c->outLeft -= (size_t) n;
    }
}

/* Length of a complete answer at the start of c->in, 0 if incomplete; *status gets its code and
   *closing whether the server closes the connection after it ("Connection: close"). */
static size_t complete(Conn *c, int *status, int *closing) {
    c->in[c->inLen] = 0;
    char *end = strstr(c->in, "\r\n\r\n");
    if (end == NULL) return 0;
    size_t head = (size_t) (end - c->in) + 4;
    *status = atoi(c->in + 9);
    long length = -1;
    int chunked = 0;
    for (char *line = strstr(c->in, "\r\n"); line != NULL && line < end; line = strstr(line + 2, "\r\n")) {
        char *h = line + 2;
        if (strncasecmp(h, "content-length:", 15) == 0) length = strtol(h + 15, NULL, 10);
        if (strncasecmp(h, "connection:", 11) == 0) {
            char *value = strcasestr(h, "close");
            *closing = value != NULL && value < strstr(h, "\r\n");
        }
        if (strncasecmp(h, "transfer-encoding:", 18) == 0) {
            char *value = strcasestr(h, "chunked");
            chunked = value != NULL && value < strstr(h, "\r\n");
        }
    }
    if (!chunked) {
        if (length < 0) length = 0;
        return c->inLen >= head + (size_t) length ? head + (size_t) length : 0;
    }
    size_t at = head;
    for (;;) { /* chunk: size in hex, CRLF, data, CRLF; the last one has size 0 and a blank line */
        char *crlf = strstr(c->in + at, "\r\n");
        if (crlf == NULL) return 0;
        long size = strtol(c->in + at, NULL, 16);
        at = (size_t) (crlf - c->in) + 2;
        if (size == 0) {
            char *last = strstr(c->in + at - 2, "\r\n\r\n");
            return last == NULL ? 0 : (size_t) (last - c->in) + 4;
        }
        if (c->inLen < at + (size_t) size + 2) return 0;
        at += (size_t) size + 2;
    }
}

static int cmp(const void *a, const void *b) {
    int64_t x = *(const int64_t *) a, y = *(const int64_t *) b;
    return x < y ? -1 : x > y;
}

static double pct(int64_t *v, size_t n, double p) {
    if (n == 0) return 0;
    size_t i = (size_t) (p / 100.0 * (double) n);
    return (double) v[i >= n ? n - 1 : i] / 1e6;
}

int main(int argc, char **argv) {
    if (argc != 10) {
        fprintf(stderr, "usage: rate HOST PORT PATH TOKEN BODIES RATE SECONDS WARMUP CONNECTIONS\n");
        return 2;
    }
    const char *host = argv[1];
    int port = atoi(argv[2]);
    const char *path = argv[3], *token = argv[4];
    double rate = atof(argv[6]), seconds = atof(argv[7]), warmup = atof(argv[8]);
    int nConns = atoi(argv[9]);
    /* RATE_SLOW_MS: print each measured request slower than that on standard error, with the wall
       clock when it was answered, to line it up with a server's logs (GC, say) */
    int64_t slowNs = getenv("RATE_SLOW_MS") ? (int64_t) (atof(getenv("RATE_SLOW_MS")) * 1e6) : 0;
    if (rate <= 0 || seconds <= 0 || warmup < 0 || nConns < 1 || port < 1) {
        fprintf(stderr, "rate: RATE, SECONDS and CONNECTIONS must be positive, WARMUP not negative\n");
        return 2;
    }
    addr.sin_family = AF_INET;
    addr.sin_port = htons((uint16_t) port);
    if (inet_pton(AF_INET, host, &addr.sin_addr) != 1) {
        fprintf(stderr, "rate: HOST must be an IPv4 address, not %s\n", host);
        return 2;
    }

    FILE *bodies = fopen(argv[5], "r");
    if (bodies == NULL) die(argv[5]);
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    int room = 0;
    while ((len = getline(&line, &cap, bodies)) > 0) {
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r')) line[--len] = 0;
        if (len == 0) continue;
        if (nRequests == room) {
            room = room ? 2 * room : 256;
            requests = realloc(requests, sizeof *requests * (size_t) room);
            requestLen = realloc(requestLen, sizeof *requestLen * (size_t) room);
        }
        size_t size = (size_t) len + strlen(path) + strlen(host) + strlen(token) + 256;
        requests[nRequests] = malloc(size);
        requestLen[nRequests] = (size_t) snprintf(requests[nRequests], size,
            "POST %s HTTP/1.1\r\nHost: %s:%d\r\nAuthorization: Bearer %s\r\n"
            "Content-Type: application/json\r\nContent-Length: %zd\r\n\r\n%s",
            path, host, port, token, len, line);
        nRequests++;
    }
    fclose(bodies);
    if (nRequests == 0) {
        fprintf(stderr, "rate: no request bodies in %s\n", argv[5]);
        return 2;
    }

    signal(SIGPIPE, SIG_IGN); /* a write to a connection the server closed fails, and is counted, instead */
    ep = epoll_create1(0);
    if (ep < 0) die("epoll_create1");
    Conn *conns = calloc((size_t) nConns, sizeof *conns);
    for (int i = 0; i < nConns; i++) {
        conns[i].inCap = 1 << 16;
        conns[i].in = malloc(conns[i].inCap + 1);
        connectConn(&conns[i]);
    }
    int timer = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK);
    if (timer < 0) die("timerfd_create");
    struct epoll_event tev = {.events = EPOLLIN, .data.ptr = NULL};
    if (epoll_ctl(ep, EPOLL_CTL_ADD, timer, &tev) < 0) die("epoll_ctl timer");

    int64_t interval = (int64_t) (1e9 / rate);
    int64_t start = now() + 100000000; /* connections open meanwhile */
    int64_t measureFrom = start + (int64_t) (warmup * 1e9);
    int64_t measureTo = measureFrom + (int64_t) (seconds * 1e9);
    int64_t drainUntil = measureTo + 10000000000LL;
    size_t maxSamples = (size_t) (rate * seconds) + 16;
    int64_t *latency = malloc(sizeof *latency * maxSamples);
    size_t samples = 0, errors = 0, measuredDue = 0;
    int64_t next = 0; /* the next request to send: due at start + next * interval */
    int64_t lastDone = measureFrom;
    int nextBody = 0;
    struct epoll_event events[64];

    for (;;) {
        int64_t t = now();
        /* send what is due, on free connections, oldest first */
        for (int i = 0; i < nConns; i++) {
            int64_t due = start + next * interval;
            if (due > t || due >= measureTo) break;
            Conn *c = &conns[i];
            if (c->busy || c->fd < 0) continue;
            c->busy = 1;
            c->due = due;
            c->measured = due >= measureFrom;
            measuredDue += (size_t) c->measured;
            c->out = requests[nextBody];
            c->outLeft = requestLen[nextBody];
            nextBody = (nextBody + 1) % nRequests;
            c->inLen = 0;
            next++;
            writeSome(c);
            i = -1; /* from the first connection again: fewer connections used, as a pool does */
        }
        int inFlight = 0;
        for (int i = 0; i < nConns; i++) inFlight += conns[i].busy && conns[i].measured;
        int64_t due = start + next * interval;
        if (due >= measureTo && inFlight == 0) break;
        if (t > drainUntil) break;
        /* wake at the next due time; when it has passed, every connection is busy and an answer
           wakes us (the timer disarmed, or it would fire at once, again and again) */
        struct itimerspec when = {0};
        int64_t wake = due >= measureTo ? drainUntil : due > t ? due : 0;
        when.it_value.tv_sec = wake / 1000000000;
        when.it_value.tv_nsec = wake % 1000000000;
        timerfd_settime(timer, TFD_TIMER_ABSTIME, &when, NULL);
        int n = epoll_wait(ep, events, 64, 1000);
        if (n < 0 && errno != EINTR) die("epoll_wait");
        for (int e = 0; e < n; e++) {
            Conn *c = events[e].data.ptr;
            if (c == NULL) {
                uint64_t expirations;
                if (read(timer, &expirations, sizeof expirations) < 0 && errno != EAGAIN) die("read timer");
                continue;
            }
            if (events[e].events & EPOLLOUT) writeSome(c);
            if (!(events[e].events & (EPOLLIN | EPOLLERR | EPOLLHUP))) continue;
            int closed = 0;
            for (;;) {
                if (c->inLen == c->inCap) {
                    c->inCap *= 2;
                    c->in = realloc(c->in, c->inCap + 1);
                }
                ssize_t r = read(c->fd, c->in + c->inLen, c->inCap - c->inLen);
                if (r > 0) {
                    c->inLen += (size_t) r;
                    continue;
                }
                closed = r == 0 || errno != EAGAIN;
                break;
            }
            int status, closing = 0;
            if (c->busy && complete(c, &status, &closing) > 0) {
                int64_t at = now();
                if (c->measured) {
                    if (status < 200 || status > 299) {
                        if (errors++ < 3) fprintf(stderr, "rate: answer %d: %.200s\n", status, c->in);
                    }
                    else if (samples < maxSamples) latency[samples++] = at - c->due;
                    lastDone = at;
                    if (slowNs > 0 && at - c->due > slowNs) {
                        struct timespec wall;
                        clock_gettime(CLOCK_REALTIME, &wall);
                        fprintf(stderr, "slow %.3f ms, answered at %ld.%06ld\n", (double) (at - c->due) / 1e6,
                            (long) wall.tv_sec, wall.tv_nsec / 1000);
                    }
                }
                c->busy = 0;
                c->inLen = 0;
                closed |= closing; /* the next request must not go out on it */
            }
            if (closed) {
                /* the server closed it (after an answer, or dropping one in flight: an error); open it again */
                if (c->busy && c->measured && errors++ < 3) {
                    fprintf(stderr, "rate: connection closed with a request in flight (%s)\n",
                        c->inLen ? "answer incomplete" : "no answer");
                }
                epoll_ctl(ep, EPOLL_CTL_DEL, c->fd, NULL);
                close(c->fd);
                connectConn(c);
            }
        }
    }
    qsort(latency, samples, sizeof *latency, cmp);
    double span = (double) (lastDone > measureTo ? lastDone - measureFrom : measureTo - measureFrom) / 1e9;
    /* due in the window and never answered: sent and still out, or never sent (the drain ran out) */
    int64_t firstUnsent = start + next * interval;
    if (firstUnsent < measureFrom) firstUnsent = measureFrom;
    size_t unsent = firstUnsent < measureTo ? (size_t) ((measureTo - firstUnsent + interval - 1) / interval) : 0;
    size_t unfinished = measuredDue + unsent - samples - errors;
    printf("rate=%.0f answered_per_s=%.0f p50=%.3f p90=%.3f p99=%.3f p999=%.3f max=%.3f ok=%zu errors=%zu "
        "unfinished=%zu connections=%d seconds=%.1f\n", rate, (double) samples / span, pct(latency, samples, 50),
        pct(latency, samples, 90), pct(latency, samples, 99), pct(latency, samples, 99.9),
        samples ? (double) latency[samples - 1] / 1e6 : 0.0, samples, errors, unfinished, nConns, span);
    return 0;
}
