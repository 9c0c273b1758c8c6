/**
 * What the harness reads about the processes it measures, from /proc: peak resident memory, CPU
 * time, and which JVM is the bench Neo4j. (The servers themselves are started by servers.ts.)
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";

/** Peak resident set size (VmHWM) of a process in MiB, or null when it cannot be read. */
export function peakRssMiB(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kib = /VmHWM:\s+(\d+)\s+kB/.exec(status)?.[1];
    return kib ? Number(kib) / 1024 : null;
  } catch {
    return null;
  }
}

/** Resets a process's VmHWM to its current RSS (Linux: "5" into clear_refs), so a peak is per phase. */
export function resetPeakRss(pid: number): boolean {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, "5");
    return true;
  } catch {
    return false;
  }
}

/** The pid of the bench Neo4j JVM (started by bench-neo4j.ts on a cancu-bench-neo4j-* store), if local. */
export function benchNeo4jPid(): number | null {
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8");
      if (cmdline.includes("cancu.LocalNeo4j") && cmdline.includes("cancu-bench-neo4j-")) {
        // only a JVM that is our descendant: another benchmark may run its own
        if (isDescendant(Number(entry), process.pid)) return Number(entry);
      }
    } catch {
      // the process ended while we looked
    }
  }
  return null;
}

function isDescendant(pid: number, ancestor: number): boolean {
  let current = pid;
  for (let depth = 0; depth < 10 && current > 1; depth++) {
    if (current === ancestor) return true;
    try {
      const stat = fs.readFileSync(`/proc/${current}/stat`, "utf8");
      // the command may contain spaces and parentheses: the ppid is the 2nd field after the last ')'
      current = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    } catch {
      return false;
    }
  }
  return current === ancestor;
}

let clockTicks: number | null = null;

/** Kernel clock ticks per second (utime/stime unit), usually 100. */
function ticksPerSecond(): number {
  if (clockTicks === null) {
    const out = spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout?.trim();
    clockTicks = Number(out) > 0 ? Number(out) : 100;
  }
  return clockTicks;
}

/**
 * CPU seconds (user + system) a process has used so far, or null. Differences over a run give the
 * CPU each request cost the server, a figure that does not depend on how busy the machine was.
 */
export function cpuSeconds(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // after the command: state(0) ppid(1) … utime(11) stime(12)
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond();
  } catch {
    return null;
  }
}
