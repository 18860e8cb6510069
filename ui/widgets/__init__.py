"""Small widgets shared by several pages: place picker, labels, chart canvas, counts editor, drafts, history."""
