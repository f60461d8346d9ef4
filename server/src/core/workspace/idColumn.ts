/** Ids per page of a column: small, so that a small workspace keeps small columns. */
const PAGE_BITS = 14;
const PAGE_SIZE = 1 << PAGE_BITS;
const PAGE_MASK = PAGE_SIZE - 1;

/**
 * One 32-bit number per id of the workspace index (workspaceIndex.ts), in fixed pages. Pages are never grown
 * or copied: an ArrayBuffer grown by doubling keeps its old copies until the next full garbage collection,
 * so a column of a million ids would briefly take three times its size. Read only ids that were set (or share a
 * page with one): a page comes with its first set.
 */
export class Int32Column {
  private readonly pages: Int32Array[] = [];

  get(id: number): number {
    return this.pages[id >>> PAGE_BITS]![id & PAGE_MASK]!;
  }

  set(id: number, value: number): void {
    const p = id >>> PAGE_BITS;
    let page = this.pages[p];
    if (!page) {
      while (this.pages.length < p) this.pages.push(new Int32Array(PAGE_SIZE));
      this.pages.push((page = new Int32Array(PAGE_SIZE)));
    }
    page[id & PAGE_MASK] = value;
  }
}
