// The login form: one field, the admin token. Rendered without the navigation (nothing behind it is shown).
import { raw } from 'hono/html';

export function LoginPage(props: { next: string; message: string | null }) {
  return (
    <>
      {raw('<!doctype html>')}
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="referrer" content="no-referrer" />
          <title>Log in · keepwarm</title>
          <link rel="stylesheet" href="/assets/admin.css" />
        </head>
        <body>
          <main class="login">
            <div class="card">
              <h1 class="brand-title">
                keep<span>warm</span>
              </h1>
              <p class="muted">The admin page of your talent library. Log in with the admin token from the configuration (admin.token).</p>
              {props.message ? (
                <div class="flash error" role="alert">
                  {props.message}
                </div>
              ) : null}
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
        </body>
      </html>
    </>
  );
}
