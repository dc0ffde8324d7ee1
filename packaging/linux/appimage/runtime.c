/* A type-2 AppImage runtime: the ELF program at the head of Corridor_Map-<arch>.AppImage.
 *
 * The AppImage is this program followed by a squashfs image of the AppDir (AppImage specification, type
 * 2: magic "AI\2" at offset 8 of the ELF header, the image starts where the ELF file ends). Built by
 * packaging/linux/appimage/build-runtime.sh from Debian's static libraries only: libsquashfuse (reading
 * and mounting squashfs), libfuse3, and the decompressors. No network, no root.
 *
 *   ./Corridor_Map-x86_64.AppImage [ARGS]   mount the image read-only with FUSE (fusermount3, as a
 *                                           user) and run AppRun ARGS; without FUSE (no /dev/fuse,
 *                                           no fusermount3: containers, minimal systems) extract it
 *                                           to a temporary folder, run, and remove that folder
 *   --appimage-extract                      extract to ./squashfs-root
 *   --appimage-extract-and-run [ARGS]       extract, run, remove (also APPIMAGE_EXTRACT_AND_RUN=1)
 *   --appimage-offset                       print where the image starts
 *   --appimage-version                      print this runtime's name
 *
 * AppRun gets APPIMAGE (this file), APPDIR (the mounted or extracted folder) and ARGV0.
 */
#define _GNU_SOURCE
#include <squashfuse/ll.h>

#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <ftw.h>

#define RUNTIME_NAME "corridor-map type-2 runtime 1 (squashfuse " "0.1.105" ", libfuse3)"

/* The specification's sections: update information and signature, left empty. */
__attribute__((section(".upd_info"), used)) static char upd_info[1024];
__attribute__((section(".sha256_sig"), used)) static char sha256_sig[1024];
__attribute__((section(".sig_key"), used)) static char sig_key[8192];

static void die(const char *what) {
    fprintf(stderr, "AppImage runtime: %s: %s\n", what, strerror(errno));
    exit(127);
}

/* Where the ELF file ends: the section header table is its last part. */
static off_t elf_size(const char *path) {
    Elf64_Ehdr header;
    int fd = open(path, O_RDONLY);
    if (fd < 0 || pread(fd, &header, sizeof header, 0) != (ssize_t)sizeof header) die(path);
    close(fd);
    if (memcmp(header.e_ident, ELFMAG, SELFMAG) != 0 || header.e_ident[EI_CLASS] != ELFCLASS64) {
        fprintf(stderr, "AppImage runtime: %s is not a 64-bit ELF file\n", path);
        exit(127);
    }
    return (off_t)(header.e_shoff + (off_t)header.e_shentsize * header.e_shnum);
}

/* ---- extraction ------------------------------------------------------------------------------- */

static int write_file(sqfs *fs, sqfs_inode *inode, const char *path, mode_t mode) {
    static char buf[1 << 17];
    int out = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode & 07777);
    if (out < 0) return -1;
    off_t size = (off_t)inode->xtra.reg.file_size;
    for (off_t pos = 0; pos < size;) {
        sqfs_off_t n = (size - pos) < (off_t)sizeof buf ? (size - pos) : (off_t)sizeof buf;
        if (sqfs_read_range(fs, inode, pos, &n, buf) != SQFS_OK || n <= 0) goto fail;
        for (sqfs_off_t done = 0; done < n;) {
            ssize_t w = write(out, buf + done, (size_t)(n - done));
            if (w < 0) goto fail;
            done += w;
        }
        pos += n;
    }
    return close(out);
fail:
    close(out);
    return -1;
}

/* Extract the image at `offset` of `image` into the folder `target` (created). */
static int extract(const char *image, off_t offset, const char *target) {
    sqfs fs;
    sqfs_fd_t fd;
    if (sqfs_fd_open(image, &fd, true) != SQFS_OK) return -1;
    if (sqfs_init(&fs, fd, (size_t)offset) != SQFS_OK) {
        fprintf(stderr, "AppImage runtime: no squashfs image at offset %lld\n", (long long)offset);
        return -1;
    }
    if (mkdir(target, 0755) != 0 && errno != EEXIST) die(target);
    sqfs_traverse trv;
    sqfs_err err = sqfs_traverse_open(&trv, &fs, sqfs_inode_root(&fs));
    if (err != SQFS_OK) return -1;
    char path[PATH_MAX];
    int failed = 0;
    while (sqfs_traverse_next(&trv, &err)) {
        if (trv.dir_end) continue;
        sqfs_inode inode;
        if (sqfs_inode_get(&fs, &inode, trv.entry.inode) != SQFS_OK) { failed = 1; break; }
        if (snprintf(path, sizeof path, "%s/%s", target, trv.path) >= (int)sizeof path) { failed = 1; break; }
        mode_t mode = inode.base.mode;
        if (S_ISDIR(mode)) {
            if (mkdir(path, 0755) != 0 && errno != EEXIST) { failed = 1; break; }
        } else if (S_ISREG(mode)) {
            if (write_file(&fs, &inode, path, mode) != 0) { failed = 1; break; }
        } else if (S_ISLNK(mode)) {
            char link[PATH_MAX];
            size_t size = sizeof link;
            if (sqfs_readlink(&fs, &inode, link, &size) != SQFS_OK) { failed = 1; break; }
            unlink(path);
            if (symlink(link, path) != 0) { failed = 1; break; }
        }
    }
    if (err != SQFS_OK) failed = 1;
    sqfs_traverse_close(&trv);
    sqfs_destroy(&fs);
    close(fd);
    if (failed) fprintf(stderr, "AppImage runtime: extracting to %s failed: %s\n", target, strerror(errno));
    return failed ? -1 : 0;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw) {
    (void)st; (void)flag; (void)ftw;
    return remove(path);
}

/* ---- running AppRun ------------------------------------------------------------------------- */

static void exec_apprun(const char *appdir, const char *self, int argc, char **argv) {
    char apprun[PATH_MAX];
    snprintf(apprun, sizeof apprun, "%s/AppRun", appdir);
    setenv("APPIMAGE", self, 1);
    setenv("APPDIR", appdir, 1);
    setenv("ARGV0", argv[0], 1);
    char **args = calloc((size_t)argc + 1, sizeof *args);
    args[0] = apprun;
    for (int i = 1; i < argc; i++) args[i] = argv[i];
    execv(apprun, args);
    die(apprun);
}

static const char *tmp_dir(void) {
    const char *tmp = getenv("TMPDIR");
    return tmp && *tmp ? tmp : "/tmp";
}

/* Extract to a temporary folder, run AppRun as a child, remove the folder; AppRun's exit status. */
static int extract_and_run(const char *self, off_t offset, int argc, char **argv) {
    char target[PATH_MAX];
    snprintf(target, sizeof target, "%s/appimage_extracted_XXXXXX", tmp_dir());
    if (!mkdtemp(target)) die(target);
    int code = 127;
    if (extract(self, offset, target) == 0) {
        pid_t child = fork();
        if (child == 0) exec_apprun(target, self, argc, argv);
        signal(SIGINT, SIG_IGN);  /* the app handles Ctrl+C; we still clean up after it */
        int status = 0;
        while (waitpid(child, &status, 0) < 0 && errno == EINTR) {}
        code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    if (!getenv("NO_CLEANUP")) nftw(target, remove_entry, 32, FTW_DEPTH | FTW_PHYS);
    return code;
}

/* FUSE server in a child process; the parent becomes AppRun once the image is mounted. */
static int mount_and_run(const char *self, off_t offset, int argc, char **argv) {
    char mountpoint[PATH_MAX];
    const char *base = strrchr(self, '/') ? strrchr(self, '/') + 1 : self;
    snprintf(mountpoint, sizeof mountpoint, "%s/.mount_%.6sXXXXXX", tmp_dir(), base);
    if (!mkdtemp(mountpoint)) return -1;
    int ready[2];
    if (pipe(ready) != 0) return -1;
    pid_t parent = getpid();
    pid_t child = fork();
    if (child < 0) return -1;
    if (child == 0) {
        close(ready[0]);
        prctl(PR_SET_PDEATHSIG, SIGTERM);  /* the app is gone: the loop ends and the image is unmounted */
        if (getppid() != parent) _exit(0);
        struct fuse_lowlevel_ops ops;
        memset(&ops, 0, sizeof ops);
        ops.getattr = sqfs_ll_op_getattr;
        ops.opendir = sqfs_ll_op_opendir;
        ops.releasedir = sqfs_ll_op_releasedir;
        ops.readdir = sqfs_ll_op_readdir;
        ops.lookup = sqfs_ll_op_lookup;
        ops.open = sqfs_ll_op_open;
        ops.create = sqfs_ll_op_create;
        ops.release = sqfs_ll_op_release;
        ops.read = sqfs_ll_op_read;
        ops.readlink = sqfs_ll_op_readlink;
        ops.listxattr = sqfs_ll_op_listxattr;
        ops.getxattr = sqfs_ll_op_getxattr;
        ops.forget = sqfs_ll_op_forget;
        ops.statfs = stfs_ll_op_statfs;
        char *fuse_argv[] = {"corridor-map-appimage", "-o", "ro,nodev,nosuid", NULL};
        struct fuse_args args = FUSE_ARGS_INIT(3, fuse_argv);
        sqfs_ll *ll = sqfs_ll_open(self, (size_t)offset);
        sqfs_ll_chan ch;
        char ok = 0;
        if (!ll || sqfs_ll_mount(&ch, mountpoint, &args, &ops, sizeof ops, ll) != SQFS_OK) {
            (void)!write(ready[1], &ok, 1);
            _exit(1);
        }
        ok = 1;
        (void)!write(ready[1], &ok, 1);
        close(ready[1]);
        int in = open("/dev/null", O_RDWR);  /* stay off the app's terminal */
        if (in >= 0) { dup2(in, 0); dup2(in, 1); }
        if (fuse_set_signal_handlers(ch.session) != -1) {
            fuse_session_loop(ch.session);
            fuse_remove_signal_handlers(ch.session);
        }
        sqfs_ll_unmount(&ch, mountpoint);
        sqfs_ll_destroy(ll);
        rmdir(mountpoint);
        _exit(0);
    }
    close(ready[1]);
    char ok = 0;
    if (read(ready[0], &ok, 1) != 1 || !ok) {
        waitpid(child, NULL, 0);
        rmdir(mountpoint);
        return -1;
    }
    close(ready[0]);
    exec_apprun(mountpoint, self, argc, argv);
    return -1;
}

int main(int argc, char **argv) {
    char self[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n < 0) die("/proc/self/exe");
    self[n] = 0;
    off_t offset = elf_size(self);
    const char *arg = argc > 1 ? argv[1] : "";

    if (!strcmp(arg, "--appimage-offset")) {
        printf("%lld\n", (long long)offset);
        return 0;
    }
    if (!strcmp(arg, "--appimage-version")) {
        puts(RUNTIME_NAME);
        return 0;
    }
    if (!strcmp(arg, "--appimage-help")) {
        puts("--appimage-extract, --appimage-extract-and-run, --appimage-offset, --appimage-version");
        return 0;
    }
    if (!strcmp(arg, "--appimage-extract")) return extract(self, offset, "squashfs-root") == 0 ? 0 : 1;
    if (!strcmp(arg, "--appimage-extract-and-run")) {
        argv[1] = argv[0];
        return extract_and_run(self, offset, argc - 1, argv + 1);
    }
    const char *env = getenv("APPIMAGE_EXTRACT_AND_RUN");
    if (env && !strcmp(env, "1")) return extract_and_run(self, offset, argc, argv);
    if (mount_and_run(self, offset, argc, argv) != 0) {
        fprintf(stderr, "AppImage runtime: cannot mount with FUSE (install fuse3 for a faster start); "
                        "extracting to %s instead\n", tmp_dir());
        return extract_and_run(self, offset, argc, argv);
    }
    return 127;
}
