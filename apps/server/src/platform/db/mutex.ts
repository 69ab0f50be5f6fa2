/** A FIFO async mutex: PGlite is one connection, so every query and transaction takes turns. */
export type Release = () => void;

export class Mutex {
  #locked = false;
  #waiters: Array<() => void> = [];

  async acquire(): Promise<Release> {
    if (this.#locked) await new Promise<void>((resolve) => this.#waiters.push(resolve));
    this.#locked = true;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.#waiters.shift();
      // Hand the lock straight to the next waiter; it stays locked.
      if (next) next();
      else this.#locked = false;
    };
  }

  get locked(): boolean {
    return this.#locked;
  }
}
