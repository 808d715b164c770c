/*
 * floor: the least an HTTP server can do, for the latency floor of this machine and load generator.
 * One thread, epoll, keep-alive: it reads each request (headers, and a body of Content-Length
 * bytes) and answers 200 with a fixed JSON body the size of a predict answer, computing nothing.
 * Driven by rate.c at the same rate as the real servers, in the same run, its p99 is what the
 * kernel, the hypervisor and the generator add by themselves; what a server shows above it is its own.
 *
 *   gcc -O2 -o floor bench/serving/floor.c && ./floor PORT
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

typedef struct {
    int fd;
    char *in;
    size_t len, cap;
} Conn;

static char answer[1024];
static size_t answerLen;

/* Length of the complete request at the start of c->in, 0 while incomplete. */
static size_t complete(Conn *c) {
    c->in[c->len] = 0;
    char *end = strstr(c->in, "\r\n\r\n");
    if (end == NULL) return 0;
    size_t head = (size_t) (end - c->in) + 4;
    long length = 0;
    for (char *line = strstr(c->in, "\r\n"); line != NULL && line < end; line = strstr(line + 2, "\r\n")) {
        if (strncasecmp(line + 2, "content-length:", 15) == 0) length = strtol(line + 17, NULL, 10);
    }
    return c->len >= head + (size_t) length ? head + (size_t) length : 0;
}

int main(int argc, char **argv) {
    if (argc != 2 || atoi(argv[1]) < 1) {
        fprintf(stderr, "usage: floor PORT\n");
        return 2;
    }
    signal(SIGPIPE, SIG_IGN);
    const char *body = "{\"label\":\"16S\",\"confidence\":0.99,\"version\":1,\"route\":\"primary\","
        "\"probabilities\":{\"5S\":0.001,\"5.8S\":0.001,\"16S\":0.99,\"18S\":0.002,\"23S\":0.002,"
        "\"28S\":0.001,\"mito_SSU\":0.002,\"non_rRNA\":0.001},\"requestId\":\"00000000-0000-0000-0000-000000000000\"}";
    answerLen = (size_t) snprintf(answer, sizeof answer,
        "HTTP/1.1 200 \r\nContent-Type: application/json\r\nContent-Length: %zu\r\n\r\n%s", strlen(body), body);

    int listener = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    int one = 1;
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons((unsigned short) atoi(argv[1]))};
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(listener, (struct sockaddr *) &addr, sizeof addr) < 0 || listen(listener, 128) < 0) {
        perror("floor: bind/listen");
        return 1;
    }
    int ep = epoll_create1(0);
    struct epoll_event lev = {.events = EPOLLIN, .data.ptr = NULL};
    epoll_ctl(ep, EPOLL_CTL_ADD, listener, &lev);
    struct epoll_event events[64];
    for (;;) {
        int n = epoll_wait(ep, events, 64, -1);
        for (int e = 0; e < n; e++) {
            Conn *c = events[e].data.ptr;
            if (c == NULL) {
                int fd;
                while ((fd = accept4(listener, NULL, NULL, SOCK_NONBLOCK)) >= 0) {
                    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
                    Conn *added = calloc(1, sizeof *added);
                    added->fd = fd;
                    added->cap = 1 << 16;
                    added->in = malloc(added->cap + 1);
                    struct epoll_event ev = {.events = EPOLLIN, .data.ptr = added};
                    epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
                }
                continue;
            }
            ssize_t r = read(c->fd, c->in + c->len, c->cap - c->len);
            if (r <= 0) {
                if (r < 0 && errno == EAGAIN) continue;
                close(c->fd); /* also leaves the epoll set */
                free(c->in);
                free(c);
                continue;
            }
            c->len += (size_t) r;
            size_t done;
            while ((done = complete(c)) > 0) {
                if (write(c->fd, answer, answerLen) < 0) break; /* a small answer: the socket buffer takes it */
                memmove(c->in, c->in + done, c->len - done);
                c->len -= done;
            }
            if (c->len == c->cap) { /* a request larger than the buffer: not one of ours */
                close(c->fd);
                free(c->in);
                free(c);
            }
        }
    }
}
