import { fmt, m } from '@/i18n/messages';
import { Button } from '@/components/ui/button';

/** Previous / next through numbered pages. */
export function Pager({
  page,
  pages,
  onPage,
}: {
  page: number;
  pages: number;
  onPage: (page: number) => void;
}) {
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label={m.ownerTools.pagination}>
      <Button variant="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {m.ownerTools.previous}
      </Button>
      <span aria-current="page">{fmt(m.ownerTools.pageOf, { page, pages })}</span>
      <Button variant="secondary" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {m.ownerTools.next}
      </Button>
    </nav>
  );
}
