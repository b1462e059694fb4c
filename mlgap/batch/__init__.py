"""Batch: assess a cohort of résumés in parallel, one row each, and summarise it."""
