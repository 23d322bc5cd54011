"""The published site (``programmatool publish``): short pages per programme built from the same
view models as the documents, navigation, the search page and the open data beside them."""
