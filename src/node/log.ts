/**
 * A small structured logger shared by every host. Each line is one JSON object
 * (`time`, `level`, `event`, fields). Every value registered with `addSecret`
 * is replaced by `[redacted]` wherever it appears — in messages, nested fields
 * and error stacks — before anything is written.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error'

export interface Logger {
  debug: (event: string, fields?: Record<string, unknown>) => void
  info: (event: string, fields?: Record<string, unknown>) => void
  warn: (event: string, fields?: Record<string, unknown>) => void
  error: (event: string, fields?: Record<string, unknown>) => void
  /** every later line has this value redacted; values shorter than 4 characters are ignored */
  addSecret: (value: string) => void
  /** replaces registered secrets in any text */
  redact: (text: string) => string
}

export interface LoggerOptions {
  write: (line: string) => void
  level?: LogLevel
  now?: () => Date
}

const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 }
export const REDACTED = '[redacted]'
const MIN_SECRET_LENGTH = 4

export function createLogger(options: LoggerOptions): Logger {
  const secrets = new Set<string>()
  const threshold = LEVELS[options.level ?? 'info']
  const now = options.now ?? (() => new Date())

  const redact = (text: string): string => {
    let out = text
    // Longest first, so a secret that contains another is removed whole.
    for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
      out = out.split(secret).join(REDACTED)
    }
    return out
  }

  const emit = (level: LogLevel, event: string, fields?: Record<string, unknown>) => {
    if (LEVELS[level] < threshold) return
    const line = JSON.stringify(
      { time: now().toISOString(), level, event, ...fields },
      replaceErrors,
    )
    options.write(redact(line))
  }

  return {
    debug: (event, fields) => emit('debug', event, fields),
    info: (event, fields) => emit('info', event, fields),
    warn: (event, fields) => emit('warn', event, fields),
    error: (event, fields) => emit('error', event, fields),
    addSecret: (value) => {
      if (value.length >= MIN_SECRET_LENGTH) {
        secrets.add(value)
        // JSON escaping would otherwise let a secret with quotes or backslashes slip through.
        const escaped = JSON.stringify(value).slice(1, -1)
        if (escaped !== value) secrets.add(escaped)
      }
    },
    redact,
  }
}

function replaceErrors(_key: string, value: unknown): unknown {
  if (value instanceof Error) {
    return { name: value.name, message: value.message, stack: value.stack }
  }
  return value
}

/** A logger that drops everything, for code paths that need one but have no sink. */
export const silentLogger: Logger = createLogger({ write: () => undefined, level: 'error' })
