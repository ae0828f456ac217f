/**
 * zod 4 compiles object parsers with `new Function` where eval is allowed, and finds out by
 * trying it once when the first object schema is built. Under our Content Security Policy
 * (no 'unsafe-eval') that probe is refused and reported as a violation on every page and in
 * the diagnosis worker, although zod then carries on without it. `jitless` skips the probe
 * and the compilation everywhere, so every bundle parses the same way.
 *
 * Every entry point (the renderer, the worker, Electron main, the browser-mode server, the
 * CLI) imports this module first, before any module that builds a schema; the order is
 * checked by `tests/unit/lint/zod-jitless.test.ts`.
 * https://zod.dev/packages/core#globalconfig
 */
import { z } from 'zod'

z.config({ jitless: true })
