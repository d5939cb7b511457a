import { useId } from 'react';
import { assetUrl } from '@/config/env';
import { m } from '@/i18n/messages';
import { errorMessage } from '@/lib/api-client';
import { Notice } from '@/components/ui/status';
import { useUploadPhotos } from '@/features/owner/api/owner-api';

export function PhotoUploader({ spotId, images }: { spotId: string; images: string[] }) {
  const upload = useUploadPhotos(spotId);
  const id = useId();
  return (
    <div className="photos">
      {images.length ? (
        <ul className="photo-grid">
          {images.map((src, i) => (
            <li key={src}>
              <img src={assetUrl(src)} alt={`${i + 1}`} />
            </li>
          ))}
        </ul>
      ) : null}
      <label htmlFor={id} className="btn btn-secondary file-button">
        {upload.isPending ? m.owner.uploading : m.owner.uploadPhotos}
      </label>
      <input
        id={id}
        className="sr-only"
        type="file"
        accept="image/jpeg,image/png,image/webp"
        multiple
        disabled={upload.isPending}
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          if (files.length) upload.mutate(files);
          e.target.value = '';
        }}
      />
      <p className="field-hint">{m.owner.photoHelp}</p>
      {upload.isError ? <Notice kind="error">{errorMessage(upload.error)}</Notice> : null}
    </div>
  );
}
