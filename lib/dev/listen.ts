/**
 * The preview's port: a busy one (another preview, another program) falls back to the next free one,
 * and says so in Persian; a port or host that can't be used at all is a `DevServerError` whose
 * Persian message `npm run dev` prints without a Node stack trace.
 */
import type { Server } from "node:http";

/** How many ports after the asked one are tried before giving up. */
export const PORT_ATTEMPTS = 20;

/** A preview that can't start for a reason the author can fix (the message says how). */
export class DevServerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DevServerError";
  }
}

/** The message of a busy port that was replaced by the next free one. */
export function busyPortMessage(asked: number, used: number): string {
  return `درگاه ${asked} را برنامه‌ی دیگری گرفته است؛ پیش‌نمایش روی درگاه ${used} باز شد (برای درگاهی دیگر: CHAPAR_PORT=… npm run dev).`;
}

function listenOnce(server: Server, port: number, host: string): Promise<NodeJS.ErrnoException | undefined> {
  return new Promise((resolve) => {
    const onError = (e: NodeJS.ErrnoException) => {
      server.off("listening", onListening);
      resolve(e);
    };
    const onListening = () => {
      server.off("error", onError);
      resolve(undefined);
    };
    server.once("error", onError);
    server.once("listening", onListening);
    server.listen(port, host);
  });
}

/** Starts listening on `port` or the next free one; resolves with the port used (the one picked when asked for 0). */
export async function listenWithFallback(server: Server, port: number, host: string, log: (line: string) => void): Promise<number> {
  for (let attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
    const tried = port === 0 ? 0 : port + attempt;
    if (tried > 65535) break;
    const error = await listenOnce(server, tried, host);
    if (!error) {
      const address = server.address();
      const used = typeof address === "object" && address ? address.port : tried;
      if (attempt > 0) log(busyPortMessage(port, used));
      return used;
    }
    if (error.code === "EADDRINUSE" && port !== 0) continue;
    if (error.code === "EACCES") {
      throw new DevServerError(
        `اجازه‌ی باز کردن درگاه ${tried} نیست (درگاه‌های زیر 1024 دسترسی مدیر می‌خواهند)؛ درگاهی بالاتر بدهید، مانند CHAPAR_PORT=8080.`,
      );
    }
    if (error.code === "ENOTFOUND" || error.code === "EADDRNOTAVAIL" || error.code === "EAI_AGAIN") {
      throw new DevServerError(
        `نشانی «${host}» روی این رایانه نیست؛ CHAPAR_HOST را localhost یا 127.0.0.1 (یا 0.0.0.0 برای دیگر دستگاه‌های شبکه) بگذارید.`,
      );
    }
    throw new DevServerError(`پیش‌نمایش روی ${host}:${tried} باز نشد: ${error.message}`);
  }
  throw new DevServerError(
    `درگاه‌های ${port} تا ${Math.min(port + PORT_ATTEMPTS - 1, 65535)} همه گرفته‌اند؛ با CHAPAR_PORT درگاه دیگری بدهید.`,
  );
}
