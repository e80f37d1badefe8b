// A web-test-runner plugin: Chromium's trace of the test page's main thread, so a test can tell how
// long each task ran on the CPU. A PerformanceObserver's long tasks are wall-clock time, which on a
// loaded machine includes the time other processes held the CPU; a task's thread time does not.
// Commands (from the page: executeServerCommand): 'trace-start', then 'trace-stop', which answers
// the page's main-thread tasks longer than `payload.over` ms of wall-clock time, as
// { wall, cpu } in ms, longest CPU time first.

/** Tasks on the renderer main thread of the page at `url`, from a Chromium trace's events. */
export function mainThreadTasks(events, url) {
  const started = events.find((e) => e.name === 'TracingStartedInBrowser');
  const frames = started?.args?.data?.frames ?? [];
  const pids = new Set(frames.filter((f) => f.url === url).map((f) => f.processId));
  const threads = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && pids.has(e.pid)).map((e) => `${e.pid}:${e.tid}`));
  return events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && threads.has(`${e.pid}:${e.tid}`)).map((e) => ({ wall: e.dur / 1000, cpu: (e.tdur ?? e.dur) / 1000 }));
}

export function mainThreadTracePlugin() {
  return {
    name: 'main-thread-trace',
    async executeCommand({ command, payload, session }) {
      if (command !== 'trace-start' && command !== 'trace-stop') return undefined;
      const page = session.browser.getPage(session.id);
      if (command === 'trace-start') {
        await page.tracing.start({ categories: ['-*', 'disabled-by-default-devtools.timeline'] });
        return true;
      }
      const trace = JSON.parse(Buffer.from(await page.tracing.stop()).toString('utf8'));
      const tasks = mainThreadTasks(trace.traceEvents ?? trace, page.url());
      if (!tasks.length) throw new Error('the trace holds no task of the test page’s main thread');
      return tasks.filter((t) => t.wall > (payload?.over ?? 50)).sort((a, b) => b.cpu - a.cpu);
    },
  };
}
