"""Households: the list, its model, the registration form with its members grid, movements and drafts."""
