/**
 * An Elekto election folder packed as a zip or a tarball (`.tar.gz`, `.tgz`, `.tar`), read into
 * file name -> text for `parseElektoFolder`, and written back as a zip. The upload comes from a
 * browser, so the archive is hostile until read: entries whose path leaves the folder, absolute
 * paths, links, device files and more than ELEKTO_ARCHIVE_LIMIT bytes (packed or unpacked: a zip
 * bomb stops at the limit, whatever its headers claim) are refused before anything is written.
 * Nothing here touches the filesystem: entries are read in memory and never extracted.
 *
 * Plain tsx (no `server-only`): the CLI and `check:shared` read archives through it too.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { Parser, type ReadEntry } from "tar";
import yauzl from "yauzl";
import { strToU8, zipSync } from "fflate";

/** Packed and unpacked, an archive may hold at most this many bytes (issue 20, "Bad input"). */
export const ELEKTO_ARCHIVE_LIMIT = 10 * 1024 * 1024;
/** An Elekto folder has a few dozen files; thousands of entries is not one. */
const MAX_ENTRIES = 2_000;
/** The files of an Elekto folder: everything else in it is listed as ignored. */
const ELEKTO_FILE = /^(election\.yaml|voters\.yaml|election_desc\.md|ballots\.csv|results\.md|candidate-[^/]+\.md)$/;

export class ElektoArchiveError extends Error {}

export interface ElektoArchive {
  /** The folder's Elekto files by name (no folder part). */
  files: Record<string, string>;
  /** The folder inside the archive that held election.yaml ("" at its root). */
  folder: string;
  /** Entries that are not Elekto files of that folder, skipped. */
  ignored: string[];
}

const MB = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
const tooBig = (what: string) =>
  new ElektoArchiveError(`The archive is over ${MB(ELEKTO_ARCHIVE_LIMIT)} ${what}; nothing was imported.`);

/** Refuses a name that could land outside the folder if it were ever extracted. */
function checkEntryName(name: string): string {
  if (name.includes("\0")) throw new ElektoArchiveError(`The entry "${name}" has a NUL in its name.`);
  if (name.startsWith("/") || name.startsWith("\\") || /^[A-Za-z]:/.test(name))
    throw new ElektoArchiveError(`The entry "${name}" has an absolute path; entries must sit inside the folder.`);
  if (name.includes("\\"))
    throw new ElektoArchiveError(`The entry "${name}" uses backslashes; write paths with forward slashes.`);
  if (name.split("/").some((part) => part === ".."))
    throw new ElektoArchiveError(`The entry "${name}" leads out of the folder ("..") and is refused.`);
  return name.replace(/^(\.\/)+/, "");
}

const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5);
const isGzip = (b: Uint8Array) => b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;
const isTar = (b: Uint8Array) => b.length >= 262 && Buffer.from(b.subarray(257, 262)).toString("latin1") === "ustar";

type Entry = { name: string; text: string | null };

/** yauzl checks entry names itself (strictFileNames); its refusals, said as ours are. */
function zipMessage(message: string): string {
  if (/absolute path/i.test(message))
    return `An entry has an absolute path (${message}); entries must sit inside the folder.`;
  if (/relative path/i.test(message)) return `An entry leads out of the folder (${message}) and is refused.`;
  if (/invalid characters/i.test(message)) return `An entry's name is refused (${message}).`;
  return `The zip could not be read: ${message}.`;
}

function readZip(bytes: Buffer): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const fail = (e: unknown) =>
      reject(
        e instanceof ElektoArchiveError ? e : new ElektoArchiveError(zipMessage(String((e as Error)?.message ?? e))),
      );
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: true }, (err, zip) => {
      if (err || !zip) return fail(err);
      const out: Entry[] = [];
      let total = 0;
      let failed = false;
      const stop = (e: unknown) => {
        if (failed) return;
        failed = true;
        zip.close();
        fail(e);
      };
      if (zip.entryCount > MAX_ENTRIES)
        return stop(new ElektoArchiveError(`The archive has over ${MAX_ENTRIES} entries.`));
      zip.on("error", stop);
      zip.on("end", () => !failed && resolve(out));
      zip.on("entry", (entry: yauzl.Entry) => {
        try {
          const name = checkEntryName(entry.fileName);
          const mode = (entry.externalFileAttributes >>> 16) & 0o170000;
          if (mode === 0o120000)
            throw new ElektoArchiveError(`The entry "${name}" is a symbolic link; links are refused.`);
          if (mode !== 0 && mode !== 0o100000 && mode !== 0o040000)
            throw new ElektoArchiveError(`The entry "${name}" is not a plain file or folder.`);
          if (name.endsWith("/")) return zip.readEntry();
          // Headers first (an honest bomb stops here), then the bytes actually inflated.
          total += entry.uncompressedSize;
          if (total > ELEKTO_ARCHIVE_LIMIT) throw tooBig("unpacked");
          zip.openReadStream(entry, (e2, stream) => {
            if (e2 || !stream) return stop(e2);
            const chunks: Buffer[] = [];
            let size = 0;
            stream.on("data", (c: Buffer) => {
              size += c.length;
              if (size > entry.uncompressedSize || size > ELEKTO_ARCHIVE_LIMIT) {
                stream.destroy();
                stop(tooBig("unpacked"));
              } else chunks.push(c);
            });
            stream.on("error", stop);
            stream.on("end", () => {
              out.push({ name, text: Buffer.concat(chunks).toString("utf8") });
              zip.readEntry();
            });
          });
        } catch (e) {
          stop(e);
        }
      });
      zip.readEntry();
    });
  });
}

function readTar(bytes: Buffer): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const out: Entry[] = [];
    let failed: unknown = null;
    const parser = new Parser({
      strict: true,
      onReadEntry: (entry: ReadEntry) => {
        try {
          if (failed) return entry.resume();
          if (out.length >= MAX_ENTRIES) throw new ElektoArchiveError(`The archive has over ${MAX_ENTRIES} entries.`);
          const name = checkEntryName(entry.path);
          if (entry.type === "SymbolicLink" || entry.type === "Link")
            throw new ElektoArchiveError(
              `The entry "${name}" is a ${entry.type === "Link" ? "hard" : "symbolic"} link; links are refused.`,
            );
          if (entry.type === "Directory") return entry.resume();
          if (entry.type !== "File" && entry.type !== "OldFile" && entry.type !== "ContiguousFile")
            throw new ElektoArchiveError(`The entry "${name}" is not a plain file or folder.`);
          const chunks: Buffer[] = [];
          entry.on("data", (c: Buffer) => chunks.push(c));
          entry.on("end", () => out.push({ name, text: Buffer.concat(chunks).toString("utf8") }));
        } catch (e) {
          failed ??= e;
          entry.resume();
        }
      },
    });
    parser.on("error", (e: unknown) => (failed ??= e));
    parser.on("end", () => {
      if (!failed) return resolve(out);
      reject(
        failed instanceof ElektoArchiveError
          ? failed
          : new ElektoArchiveError(`The tarball could not be read: ${(failed as Error)?.message ?? failed}.`),
      );
    });
    parser.end(bytes);
  });
}

/**
 * Reads an uploaded archive. The folder is the one directory holding `election.yaml` (the archive's
 * root, or one folder inside it, as `tar czf x.tgz my-election/` makes); an archive with none, or with
 * several, is not an Elekto folder.
 */
export async function readElektoArchive(data: Uint8Array): Promise<ElektoArchive> {
  if (data.length > ELEKTO_ARCHIVE_LIMIT) throw tooBig("packed");
  let entries: Entry[];
  if (isZip(data)) entries = await readZip(Buffer.from(data));
  else if (isGzip(data) || isTar(data)) {
    let tar: Buffer;
    try {
      // The whole tar (headers included) must fit the limit: zlib stops inflating there.
      tar = isGzip(data) ? gunzipSync(data, { maxOutputLength: ELEKTO_ARCHIVE_LIMIT }) : Buffer.from(data);
    } catch (e) {
      if ((e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw tooBig("unpacked");
      throw new ElektoArchiveError(`The tarball could not be unpacked: ${(e as Error).message}.`);
    }
    if (!isTar(tar)) throw new ElektoArchiveError("The gzip file does not hold a tar archive.");
    entries = await readTar(tar);
  } else throw new ElektoArchiveError("Upload a zip or a tarball (.tar.gz, .tgz) of the Elekto election folder.");

  const homes = entries.filter((e) => e.name === "election.yaml" || e.name.endsWith("/election.yaml"));
  if (homes.length === 0)
    throw new ElektoArchiveError("No election.yaml in the archive: it is not an Elekto election folder.");
  if (homes.length > 1)
    throw new ElektoArchiveError(
      `The archive holds ${homes.length} elections (${homes.map((h) => h.name).join(", ")}); upload one folder.`,
    );
  const folder = homes[0]!.name.slice(0, -"election.yaml".length);
  if (folder.split("/").filter(Boolean).length > 1)
    throw new ElektoArchiveError(
      `election.yaml sits in ${folder}: pack the election folder itself (its files at the root, or in one folder).`,
    );
  const files: Record<string, string> = {};
  const ignored: string[] = [];
  for (const e of entries) {
    const base = e.name.slice(folder.length);
    if (e.name.startsWith(folder) && ELEKTO_FILE.test(base) && e.text !== null) files[base] = e.text;
    else ignored.push(e.name);
  }
  return { files, folder: folder.replace(/\/$/, ""), ignored };
}

/** The folder as a zip, its files inside `<folder>/` as Elekto keeps one election per folder. */
export function writeElektoZip(folder: string, files: Record<string, string>): Uint8Array {
  const at = new Date("2000-01-01T00:00:00Z");
  return zipSync(
    Object.fromEntries(
      Object.entries(files).map(([name, text]) => [`${folder}/${name}`, [strToU8(text), { mtime: at }]]),
    ),
  );
}

/**
 * The same folder from the filesystem (the CLI and `check:shared`): a directory is read as the
 * archive's folder would be, a file as an archive. Either way the result is what an upload gives.
 */
export async function readElektoPath(where: string): Promise<ElektoArchive> {
  if (!(await stat(where)).isDirectory()) return readElektoArchive(await readFile(where));
  const files: Record<string, string> = {};
  const ignored: string[] = [];
  for (const name of (await readdir(where)).sort()) {
    if (ELEKTO_FILE.test(name)) files[name] = await readFile(path.join(where, name), "utf8");
    else ignored.push(name);
  }
  if (files["election.yaml"] === undefined)
    throw new ElektoArchiveError(`No election.yaml in ${where}: it is not an Elekto election folder.`);
  return { files, folder: path.basename(where), ignored };
}
