"""Dashboard and Flows: the chart pages."""
