"""The office's route through the browser: 取月报表格 (`open-month`), the pull request's check (`inbox`), its
answer on a branch of this repository (`reply`), and GitHub's REST API (`api`). `reply` and `api` need the
standard library only."""
