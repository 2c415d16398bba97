import { spawnSync } from 'node:child_process';
import fs, { mkdirSync, mkdtempSync, rmdirSync } from 'node:fs';
import fsPromises from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A disk under the spool whose free space the test controls. */
export interface SpoolDisk {
  name: string;
  /** Makes `directory` live on this disk. */
  prepare(directory: string): Promise<void>;
  /** Leaves about `room` bytes free (0: none), so writes fail with ENOSPC, some half-way. */
  fill(room: number): Promise<void>;
  /** Gives the space back. */
  free(): Promise<void>;
  release(): Promise<void>;
}

const MOUNT_SIZE = 1024 * 1024;

/** Why a tiny tmpfs cannot be mounted here (not root, no CAP_SYS_ADMIN), or undefined. */
export function tmpfsProblem(): string | undefined {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) {
    return 'mounting a tmpfs needs root on Linux; the injected disk covers the same paths';
  }
  const probe = mkdtempSync(join(tmpdir(), 'tokenops-tmpfs-probe-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]);
  if (mounted.status === 0) spawnSync('umount', [probe]);
  rmdirSync(probe);
  return mounted.status === 0
    ? undefined
    : `mount -t tmpfs failed (${mounted.stderr.toString().trim()}); the injected disk covers it`;
}

/** The real thing: a 1 MiB tmpfs, filled with a file until the kernel says ENOSPC. */
export function tmpfsDisk(): SpoolDisk {
  let directory = '';
  const filler = () => join(directory, '.filler');
  return {
    name: 'a 1 MiB tmpfs',
    prepare(at) {
      directory = at;
      mkdirSync(at, { recursive: true });
      const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${MOUNT_SIZE}`, 'tmpfs', at]);
      if (mounted.status !== 0) throw new Error(`mount failed: ${mounted.stderr.toString()}`);
      return Promise.resolve();
    },
    async fill(room) {
      const handle = await fsPromises.open(filler(), 'w');
      const chunk = Buffer.alloc(4096, 0x2e);
      try {
        for (;;) await handle.write(chunk);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      }
      const { size } = await handle.stat();
      await handle.truncate(Math.max(0, size - room));
      await handle.close();
    },
    async free() {
      await fsPromises.rm(filler(), { force: true });
    },
    async release() {
      await fsPromises.rm(filler(), { force: true });
      spawnSync('umount', [directory]);
    },
  };
}

/**
 * A disk faked at the file-system boundary only: files opened under the directory are real,
 * but `writeSync` to them behaves as the kernel's on a full disk — a short write while a
 * little room is left, then ENOSPC — while `fill` is in force.
 */
export function injectedDisk(): SpoolDisk {
  const realOpenSync = fs.openSync;
  const realWriteSync = fs.writeSync;
  let directory = '';
  let full = false;
  let room = 0;
  /** Descriptors of files under the directory (a number reused for another file leaves). */
  const under = new Set<number>();
  const openSync = ((path: fs.PathLike, flags?: fs.OpenMode, mode?: fs.Mode) => {
    const fd = realOpenSync(path, flags ?? 'r', mode);
    if (String(path).startsWith(directory)) under.add(fd);
    else under.delete(fd);
    return fd;
  }) as typeof fs.openSync;
  const writeSync = ((
    fd: number,
    buffer: NodeJS.ArrayBufferView,
    from?: number | null,
    length?: number | null,
  ) => {
    const offset = from ?? 0;
    const wanted = length ?? buffer.byteLength - offset;
    if (!full || !under.has(fd)) return realWriteSync(fd, buffer, offset, wanted);
    if (room <= 0) {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
        code: 'ENOSPC',
        errno: -28,
        syscall: 'write',
      });
    }
    const taken = Math.min(room, wanted);
    room -= taken;
    return realWriteSync(fd, buffer, offset, taken);
  }) as typeof fs.writeSync;
  const patch = (open: typeof fs.openSync, write: typeof fs.writeSync) => {
    Object.assign(fs, { openSync: open, writeSync: write });
    syncBuiltinESMExports();
  };
  return {
    name: 'an injected full disk',
    prepare(at) {
      directory = at;
      patch(openSync, writeSync);
      return Promise.resolve();
    },
    fill(bytes) {
      full = true;
      room = bytes;
      return Promise.resolve();
    },
    free() {
      full = false;
      return Promise.resolve();
    },
    release() {
      patch(realOpenSync, realWriteSync);
      return Promise.resolve();
    },
  };
}
