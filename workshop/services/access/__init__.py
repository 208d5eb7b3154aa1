"""Who may do what: join codes and passcodes, the owner's credential, sign-ins that survive a reload."""
