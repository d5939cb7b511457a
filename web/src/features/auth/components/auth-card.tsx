import type { ReactNode } from 'react';
import { m } from '@/i18n/messages';

export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="auth-page">
      <div className="auth-brand" aria-hidden="true">
        <span className="logo-mark">P</span>
        <span>{m.app.name}</span>
      </div>
      <section className="card auth-card" aria-labelledby="auth-title">
        <h1 id="auth-title">{title}</h1>
        {children}
      </section>
    </div>
  );
}
