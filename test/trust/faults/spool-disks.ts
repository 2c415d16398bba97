import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmdirSync } from 'node:fs';
import fsPromises, { type FileHandle } from 'node:fs/promises';
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
 * A disk faked at the file-system boundary only: `open` of files under the directory hands
 * out real handles whose `write` behaves as the kernel's on a full disk — a short write while
 * a little room is left, then ENOSPC — while `fill` is in force.
 */
export function injectedDisk(): SpoolDisk {
  const realOpen = fsPromises.open;
  let directory = '';
  let full = false;
  let room = 0;
  const write = async (handle: FileHandle, buffer: Buffer, offset = 0) => {
    const length = buffer.length - offset;
    if (!full) return handle.write(buffer, offset, length);
    if (room <= 0) {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
        code: 'ENOSPC',
        errno: -28,
        syscall: 'write',
      });
    }
    const taken = Math.min(room, length);
    room -= taken;
    return handle.write(buffer, offset, taken);
  };
  const open: typeof fsPromises.open = async (path, flags, mode) => {
    const handle = await realOpen(path, flags, mode);
    if (!String(path).startsWith(directory)) return handle;
    return new Proxy(handle, {
      get(target, property) {
        if (property === 'write') {
          return (buffer: Buffer, offset?: number) => write(target, buffer, offset);
        }
        const value = Reflect.get(target, property, target) as unknown;
        return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
      },
    });
  };
  return {
    name: 'an injected full disk',
    prepare(at) {
      directory = at;
      (fsPromises as { open: typeof open }).open = open;
      syncBuiltinESMExports();
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
      (fsPromises as { open: typeof open }).open = realOpen;
      syncBuiltinESMExports();
      return Promise.resolve();
    },
  };
}
