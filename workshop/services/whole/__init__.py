"""What spans the features, at the top of the services: the demo, carry-over to a new year, backup, export, the
reports, the offer and partner registers as files, leadership's overview and the facilitator's guide."""
