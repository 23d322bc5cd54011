"""The contract model in the domain's own words, and the findings every command reports."""
