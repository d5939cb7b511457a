import { m } from '@/i18n/messages';
import { useToggleFavorite } from '@/features/spots/api/favorites-api';

/**
 * A heart that adds the spot to the signed-in user's favourites, or removes it: a toggle button
 * ("Favourite", pressed or not) whose tooltip names the spot.
 */
export function FavoriteButton({
  spotId,
  title,
  favorite,
}: {
  spotId: string;
  title: string;
  favorite: boolean;
}) {
  const toggle = useToggleFavorite();
  const on = toggle.isPending ? !favorite : favorite;
  return (
    <button
      type="button"
      className={`favorite${on ? ' on' : ''}`}
      aria-pressed={on}
      aria-label={m.favorites.toggle}
      title={`${on ? m.favorites.remove : m.favorites.add}: ${title}`}
      disabled={toggle.isPending}
      onClick={() => toggle.mutate({ spotId, favorite: !favorite })}
    >
      <span aria-hidden="true">{on ? '♥' : '♡'}</span>
    </button>
  );
}
