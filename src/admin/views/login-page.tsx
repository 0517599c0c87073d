// The login form: one field, the admin token. Rendered without the navigation (nothing behind it is shown).
import { FlashMessage, HtmlDocument } from './layout.js';

export function LoginPage(props: { next: string; message: string | null }) {
  return (
    <HtmlDocument title="Log in">
      <main class="login">
        <div class="card">
          <h1 class="brand-title">
            keep<span>warm</span>
          </h1>
          <p class="muted">
            The admin page of your talent library. Log in with the admin token from the configuration (admin.token).
          </p>
          <FlashMessage flash={props.message ? { kind: 'error', text: props.message } : null} />
          <form method="post" action="/login" class="stack">
            <input type="hidden" name="next" value={props.next} />
            <label class="field">
              Admin token
              <input type="password" name="token" autocomplete="current-password" required autofocus />
            </label>
            <button type="submit">Log in</button>
          </form>
        </div>
      </main>
    </HtmlDocument>
  );
}
