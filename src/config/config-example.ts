// The commented example that `keepwarm init` writes beside a fresh config: every key, with what it
// does and its default. Kept as text (JSON has no comments); a test checks it parses once comments go.
export const CONFIG_EXAMPLE_JSONC = `// keepwarm configuration: every key, with its default. Copy what you need into keepwarm.config.json
// (plain JSON, no comments). Any string may reference an environment variable as \${NAME}, so secrets
// stay out of the file. keepwarm checks the whole file at start and lists every problem with its key.
{
  // Where the talent library lives. SQLite by default (a relative path is relative to this file).
  "database": "sqlite:./data/keepwarm.db",
  // Default time zone for recruiters (each can override it) and for the digest schedule.
  "timezone": "America/New_York",
  // The BCC/forward/CC address recruiters copy on candidate mail; an ordinary mailbox keepwarm polls.
  "logAddress": "log@agency.example",
  // Optional: trust a recruiter's From only with a pass in an Authentication-Results header added by
  // your own receiving server, named by its authserv-id (RFC 8601). Headers from any other id are ignored.
  "authservId": "mx.agency.example",
  "admin": {
    // Where the admin page listens. Without a token keepwarm refuses any address but loopback.
    "listen": "127.0.0.1:8787",
    // At least 16 characters; keep it in the environment.
    "token": "\${KEEPWARM_ADMIN_TOKEN}",
    // Optional: the address recruiters reach the admin page at, for links in the digest.
    "publicUrl": "https://keepwarm.agency.example"
  },
  // The server the weekly digest is sent through. tls: "implicit" (default, port 465),
  // "starttls" (required, never opportunistic; port 587) or "none" (only when set explicitly; port 25).
  "smtp": {
    "host": "smtp.agency.example",
    "port": 587,
    "tls": "starttls",
    "user": "keepwarm@agency.example",
    "pass": "\${SMTP_PASS}",
    "from": "keepwarm <keepwarm@agency.example>"
    // "caFile": "/etc/ssl/private-ca.pem"   // certificates are verified; name a CA for a private one
  },
  // The mailboxes keepwarm reads over IMAP. role "log": the BCC-to-log mailbox. role "recruiter": a
  // recruiter's own mailbox (recruiter = their address), usually INBOX and Sent. Folders may be names
  // or special-use flags such as "\\\\Sent". tls and caFile as for smtp (993 implicit, 143 otherwise).
  "mailboxes": [
    { "name": "log", "role": "log", "host": "imap.agency.example", "port": 993, "tls": "implicit",
      "user": "log@agency.example", "pass": "\${LOG_PASS}", "folders": ["INBOX"] },
    { "name": "alice", "role": "recruiter", "recruiter": "alice@agency.example",
      "host": "imap.gmail.com", "port": 993, "tls": "implicit",
      "user": "alice@agency.example", "pass": "\${ALICE_APP_PASSWORD}", "folders": ["INBOX", "\\\\Sent"] }
    // Microsoft 365 needs OAuth2: give "accessToken": "\${ALICE_TOKEN}" instead of "pass".
  ],
  "sync": {
    "pollIntervalSeconds": 300,       // folders without IDLE are polled this often
    "maxMessageBytes": 26214400,      // larger messages are logged from their headers only
    "batchSize": 1000,                // UIDs per fetch batch
    "idle": true                      // keep an IDLE connection per log/INBOX folder for new mail within seconds
  },
  "digest": {
    "sendWhenEmpty": true,            // an empty week still sends a short "all caught up" note
    "day": 1,                         // default digest day, 1 = Monday … 7 = Sunday (recruiters can override)
    "time": "08:00"                   // default local time
  },
  "rules": {
    "cadenceDays": { "runner_up": 30, "active": 30, "placed_elsewhere": 90 },
    "replyWaitingWorkingDays": 2,     // a candidate's question unanswered this many working days
    "feedbackOwedDays": 3,            // feedback owed this many days after a runner-up decision…
    "feedbackOwedMaxDays": 90,        // …and no longer after this many
    "noReplyDays": 14,                // two mails unanswered, the first this many days ago
    "openingMatchMinSkills": 2,       // shared skills for an opening match
    "openingMatchMaxAgeDays": 30,     // only openings opened this recently
    "lifeEventDays": 90,              // news worth a congratulation, this recent
    "comingUpDays": 14,               // the "coming up" section looks this far ahead
    "staleMailboxHours": 24,          // a mailbox not synced for this long shows in sync health
    "silentRecruiterDays": 14,        // "no BCC copy from you in 14 days"
    // Extra phrases on top of the built-in lists (case-insensitive).
    "phrases": {
      "optOut": [],
      "placedElsewhere": [],
      "promise": [],
      "lifeEvent": { "credential": [], "new_job": [], "move": [], "baby": [], "wedding": [], "graduation": [] },
      "outOfOffice": []
    }
  }
}
`;

export const FRESH_CONFIG = {
  database: 'sqlite:./data/keepwarm.db',
  timezone: 'UTC',
  admin: { listen: '127.0.0.1:8787' },
  mailboxes: [],
};
