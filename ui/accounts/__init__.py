"""Accounts and safeguards in the window: the account field at sign-in, who is signed in, what each
role sees, Settings → Accounts (administrators) and Settings → Backups."""
