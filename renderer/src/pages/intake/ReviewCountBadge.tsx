import { useReviewCount } from './ImportSessionProvider';

/** How many received documents wait for the clerk, beside "Chờ xác nhận" in the navigation. */
export function ReviewCountBadge() {
  const { count } = useReviewCount();
  if (!count) return null;
  return (
    <span className="navigation-count" title={`${count} văn bản đến chờ xác nhận`} data-testid="review-count">
      {count}
    </span>
  );
}
