import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { strToU8, zipSync, type Zippable } from "fflate";
import { Header } from "tar";
import { describe, expect, it } from "vitest";
import { ELEKTO_ARCHIVE_LIMIT, readElektoArchive } from "./elekto-archive";
import { parseElektoFolder } from "./elekto";

// The team's own Elekto folder (fictional people), with every kind of file Elekto keeps.
const dir = path.join(import.meta.dirname, "fixtures/elekto-sample");
const files = Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(path.join(dir, f), "utf8")]));

type TarEntry = {
  path: string;
  body?: string | Uint8Array;
  type?: "File" | "Directory" | "SymbolicLink" | "Link";
  linkpath?: string;
};

/** A tar written entry by entry, so that a test can write what no honest tool would. */
function tarOf(entries: TarEntry[]): Buffer {
  const blocks: Buffer[] = [];
  for (const e of entries) {
    const body = e.type && e.type !== "File" ? Buffer.alloc(0) : Buffer.from(e.body ?? "");
    const block = Buffer.alloc(512);
    new Header({
      path: e.path,
      type: e.type ?? "File",
      size: body.length,
      mode: 0o644,
      uid: 0,
      gid: 0,
      mtime: new Date(0),
      linkpath: e.linkpath,
    }).encode(block, 0);
    blocks.push(block, body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

const inFolder = (folder: string) =>
  Object.entries(files).map(([name, body]) => ({ path: folder ? `${folder}/${name}` : name, body }));
const zipOf = (entries: Zippable) => zipSync(entries, { level: 9 });
const sampleZip = (folder: string) => zipOf(Object.fromEntries(inFolder(folder).map((e) => [e.path, strToU8(e.body)])));

describe("reading an Elekto folder from an archive", () => {
  it("reads the folder from a zip and from a tarball, at the root or in one folder, and the parser accepts it", async () => {
    for (const bytes of [
      sampleZip("2026-tech-lead"),
      sampleZip(""),
      gzipSync(tarOf([{ path: "2026-tech-lead/", type: "Directory" }, ...inFolder("2026-tech-lead")])),
      tarOf(inFolder("")),
    ]) {
      const read = await readElektoArchive(bytes);
      expect(read.files).toEqual(files);
      const parsed = parseElektoFolder(read.files);
      if (!parsed.ok) throw new Error(parsed.errors.join("; "));
      expect(parsed.folder.description).toMatch(/\S/);
      expect(parsed.folder.election.exceptionDue).toEqual(new Date("2026-03-14T11:59:59Z"));
      expect(parsed.folder.ballots?.ballots?.count).toBeGreaterThan(0);
    }
  });

  it("lists files that are not Elekto's and skips them", async () => {
    const read = await readElektoArchive(
      zipOf({
        ...Object.fromEntries(inFolder("e").map((x) => [x.path, strToU8(x.body)])),
        "e/notes.txt": strToU8("x"),
      }),
    );
    expect(read.ignored).toEqual(["e/notes.txt"]);
    expect(Object.keys(read.files)).not.toContain("notes.txt");
  });

  it("refuses entries that leave the folder, absolute paths and links, in zips and tarballs", async () => {
    const election = strToU8(files["election.yaml"]!);
    await expect(readElektoArchive(zipOf({ "election.yaml": election, "../evil.md": strToU8("x") }))).rejects.toThrow(
      /leads out of the folder/,
    );
    await expect(
      readElektoArchive(zipOf({ "election.yaml": election, "/etc/cron.d/x": strToU8("x") })),
    ).rejects.toThrow(/absolute path/);
    await expect(
      readElektoArchive(
        zipOf({
          "election.yaml": election,
          "voters.yaml": [strToU8("/etc/passwd"), { os: 3, attrs: (0o120777 << 16) >>> 0 }],
        }),
      ),
    ).rejects.toThrow(/"voters.yaml" is a symbolic link/);
    const tarball = (extra: TarEntry) =>
      readElektoArchive(gzipSync(tarOf([{ path: "e/election.yaml", body: files["election.yaml"] }, extra])));
    await expect(tarball({ path: "e/../../evil.md", body: "x" })).rejects.toThrow(/leads out of the folder/);
    await expect(tarball({ path: "/tmp/evil.md", body: "x" })).rejects.toThrow(/absolute path/);
    await expect(tarball({ path: "e/voters.yaml", type: "SymbolicLink", linkpath: "/etc/passwd" })).rejects.toThrow(
      /"e\/voters.yaml" is a symbolic link/,
    );
    await expect(tarball({ path: "e/voters.yaml", type: "Link", linkpath: "e/election.yaml" })).rejects.toThrow(
      /"e\/voters.yaml" is a hard link/,
    );
  });

  it("refuses archives over 10 MB, packed or unpacked (a zip bomb stops at the limit)", async () => {
    const packed = Buffer.alloc(ELEKTO_ARCHIVE_LIMIT + 1);
    packed.set([0x50, 0x4b, 3, 4]);
    await expect(readElektoArchive(packed)).rejects.toThrow(/over 10 MB packed/);
    const zeros = new Uint8Array(ELEKTO_ARCHIVE_LIMIT + 1);
    const bomb = zipOf({ "e/election.yaml": strToU8(files["election.yaml"]!), "e/ballots.csv": zeros });
    expect(bomb.length).toBeLessThan(100_000);
    await expect(readElektoArchive(bomb)).rejects.toThrow(/over 10 MB unpacked/);
    const tarBomb = gzipSync(
      tarOf([
        { path: "e/election.yaml", body: files["election.yaml"] },
        { path: "e/x.md", body: zeros },
      ]),
    );
    expect(tarBomb.length).toBeLessThan(100_000);
    await expect(readElektoArchive(tarBomb)).rejects.toThrow(/over 10 MB unpacked/);
  });

  it("refuses what is not one Elekto folder", async () => {
    await expect(readElektoArchive(strToU8("name: not an archive\n"))).rejects.toThrow(/Upload a zip or a tarball/);
    await expect(readElektoArchive(zipOf({ "e/voters.yaml": strToU8(files["voters.yaml"]!) }))).rejects.toThrow(
      /No election.yaml/,
    );
    const election = strToU8(files["election.yaml"]!);
    await expect(
      readElektoArchive(zipOf({ "a/election.yaml": election, "b/election.yaml": election })),
    ).rejects.toThrow(/holds 2 elections/);
    await expect(readElektoArchive(zipOf({ "elections/k8s/2024/election.yaml": election }))).rejects.toThrow(
      /pack the election folder itself/,
    );
  });
});
