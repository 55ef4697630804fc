"""The one error for "the user must act": a request the tool refuses, or a step outside it that failed (git,
GitHub, the site's engine), with its reason and what to do in Chinese. Each tool raises its own kind of it
(the office tools' EntryError, github/api.py's GitHubError, load/git_tree.py's GitError, website/'s BuildError and
PackageError); the command line catches this one type, once (cli.py), prints `错误：` and the message, and
exits with status 1. Anything else is a fault of the tool, reported as one. Standard library only, as the
GitHub route's modules that raise it run without the project's packages."""


class UserError(Exception):
    """A refusal or failure the user can act on; its message, in Chinese, says why and what to do."""


class EntryError(UserError):
    """A request one of the office's tools (month/, new_year/, github/, synthetic/) refuses, with its reason in Chinese."""
