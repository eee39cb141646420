<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AboutWindow</name>
    <message>
        <location filename="../../ui/help_windows.py" line="+72"/>
        <source>About MailTrixy Desktop</source>
        <translation>Über MailTrixy Desktop</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;h2&gt;MailTrixy Desktop&lt;/h2&gt;&lt;p&gt;Version {version__}&lt;/p&gt;</source>
        <translation>&lt;h2&gt;MailTrixy Desktop&lt;/h2&gt;&lt;p&gt;Version {version__}&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A desktop client for the MailTrixy CRM: contacts, inbox, deals and campaigns, readable offline, with every change delivered exactly once.</source>
        <translation>Ein Desktop-Client für das MailTrixy-CRM: Kontakte, Posteingang, Deals und Kampagnen, offline lesbar, jede Änderung wird genau einmal zugestellt.</translation>
    </message>
</context>
<context>
    <name>CampaignDetail</name>
    <message>
        <location filename="../../ui/campaigns/detail.py" line="+91"/>
        <source>Campaign detail</source>
        <translation>Kampagnendetails</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>New campaign</source>
        <translation>Neue Kampagne</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Fix…</source>
        <translation>Beheben…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>The email as it will look</source>
        <translation>Die E-Mail, wie sie aussehen wird</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Delete draft…</source>
        <translation>Entwurf löschen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send now…</source>
        <translation>Jetzt senden…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No campaigns yet</source>
        <translation>Noch keine Kampagnen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write an email once, send it to your contact groups, and see here who received, opened and clicked it.</source>
        <translation>Schreiben Sie eine E-Mail einmal, senden Sie sie an Ihre Kontaktgruppen und sehen Sie hier, wer sie erhalten, geöffnet und angeklickt hat.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No campaign matches</source>
        <translation>Keine passende Kampagne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose another status or clear the search.</source>
        <translation>Wählen Sie einen anderen Status oder leeren Sie die Suche.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Select a campaign</source>
        <translation>Wählen Sie eine Kampagne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Its statistics, or the email as it will look, show here.</source>
        <translation>Hier erscheinen ihre Statistiken oder die E-Mail, wie sie aussehen wird.</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>◷  {verb} waits in the outbox and goes when the server answers.</source>
        <translation>◷  {verb} wartet im Postausgang und geht raus, sobald der Server antwortet.</translation>
    </message>
</context>
<context>
    <name>CampaignDialog</name>
    <message>
        <location filename="../../ui/campaigns/editor.py" line="+249"/>
        <source>Email account</source>
        <translation>E-Mail-Konto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The connected account the campaign is sent from</source>
        <translation>Das verbundene Konto, von dem die Kampagne gesendet wird</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Recipient groups</source>
        <translation>Empfängergruppen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Distinct recipients</source>
        <translation>Verschiedene Empfänger</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This workspace has no contact groups yet: make one under Tags &amp; Groups.</source>
        <translation>Dieser Arbeitsbereich hat noch keine Kontaktgruppen: Legen Sie eine unter „Tags &amp; Gruppen“ an.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Schedule for later (otherwise it stays a draft)</source>
        <translation>Für später planen (sonst bleibt sie ein Entwurf)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Send at (your local time)</source>
        <translation>Senden um (Ihre Ortszeit)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your time zone: {zone_text}</source>
        <translation>Ihre Zeitzone: {zone_text}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Preview &amp;as</source>
        <translation>Vorschau &amp;als</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Contact the preview fills merge tags from</source>
        <translation>Kontakt, aus dem die Vorschau die Platzhalter füllt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search a contact to fill the merge tags…</source>
        <translation>Kontakt suchen, um die Platzhalter zu füllen…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Load images</source>
        <translation>Bilder laden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fetch the body&apos;s remote images for this preview</source>
        <translation>Die externen Bilder des Inhalts für diese Vorschau laden</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>HTML body</source>
        <translation>HTML-Inhalt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;h1&gt;Hello {{contact.name}}&lt;/h1&gt;</source>
        <translation>&lt;h1&gt;Hallo {{contact.name}}&lt;/h1&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rendered preview</source>
        <translation>Gerenderte Vorschau</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>HTML source</source>
        <translation>HTML-Quelltext</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;HTML</source>
        <translation>&amp;HTML</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Preview</source>
        <translation>&amp;Vorschau</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>&amp;Delete draft…</source>
        <translation>Entwurf &amp;löschen…</translation>
    </message>
    <message>
        <location line="+36"/>
        <location line="+1"/>
        <source>Insert a merge tag</source>
        <translation>Platzhalter einfügen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Contact {field}   {tag}</source>
        <translation>Kontakt {field}   {tag}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Custom field {key}   {tag}</source>
        <translation>Eigenes Feld {key}   {tag}</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>The body has not been loaded (offline?). Anything written here replaces it.</source>
        <translation>Der Inhalt wurde nicht geladen (offline?). Was Sie hier schreiben, ersetzt ihn.</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Tick the groups to send to.</source>
        <translation>Haken Sie die Gruppen an, an die gesendet wird.</translation>
    </message>
</context>
<context>
    <name>CampaignsPane</name>
    <message>
        <location filename="../../ui/campaigns/pane.py" line="+102"/>
        <location line="+27"/>
        <location line="+70"/>
        <source>Campaigns</source>
        <translation>Kampagnen</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>Search campaigns</source>
        <translation>Kampagnen durchsuchen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search name or subject</source>
        <translation>Name oder Betreff suchen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Show campaigns by status</source>
        <translation>Kampagnen nach Status anzeigen</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+2"/>
        <source>New campaign</source>
        <translation>Neue Kampagne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write a new campaign (Ctrl+N)</source>
        <translation>Neue Kampagne schreiben (Strg+N)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Fix…</source>
        <translation>Beheben…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <location line="+198"/>
        <source>&lt;b&gt;{escape} was not created{more}:&lt;/b&gt; {why}</source>
        <translation>&lt;b&gt;{escape} wurde nicht angelegt{more}:&lt;/b&gt; {why}</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>{quoted} is {lower} and can no longer be edited.</source>
        <translation>{quoted} ist {lower} und kann nicht mehr bearbeitet werden.</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+90"/>
        <source>This campaign is no longer here.</source>
        <translation>Diese Kampagne gibt es hier nicht mehr.</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>{quoted} {verb}; the outbox sends it to the server.</source>
        <translation>{quoted} {verb}; der Postausgang sendet sie an den Server.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{quoted} is not sent: {join} matches no contact field. Edit it first.</source>
        <translation>{quoted} wird nicht gesendet: {join} passt zu keinem Kontaktfeld. Bearbeiten Sie sie zuerst.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Send campaign</source>
        <translation>Kampagne senden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{verb} {quoted} now to {count_text}?</source>
        <translation>{quoted} jetzt an {count_text} {verb}?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>It cannot be stopped from here once it has started.</source>
        <translation>Einmal gestartet, lässt sie sich von hier aus nicht mehr anhalten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send to {count_text}</source>
        <translation>An {count_text} senden</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>{quoted} is on its way.</source>
        <translation>{quoted} ist unterwegs.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Only drafts can be deleted.</source>
        <translation>Nur Entwürfe können gelöscht werden.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{quoted} deleted.</source>
        <translation>{quoted} gelöscht.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>That change can no longer be edited.</source>
        <translation>Diese Änderung kann nicht mehr bearbeitet werden.</translation>
    </message>
</context>
<context>
    <name>CannedPopup</name>
    <message>
        <location filename="../../ui/inbox/composer.py" line="+731"/>
        <source>Canned replies</source>
        <translation>Textbausteine</translation>
    </message>
</context>
<context>
    <name>CannedRepliesDialog</name>
    <message>
        <location filename="../../ui/inbox/canned_replies_dialog.py" line="+60"/>
        <location line="+11"/>
        <source>Canned replies</source>
        <translation>Textbausteine</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Shortcut</source>
        <translation>Kürzel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. thanks</source>
        <translation>z. B. danke</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What it is for, e.g. Thanks for writing</source>
        <translation>Wofür er gedacht ist, z. B. Danke für Ihre Nachricht</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Canned reply text</source>
        <translation>Text des Textbausteins</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The text inserted into a reply</source>
        <translation>Der Text, der in eine Antwort eingefügt wird</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>In a reply, type / and the shortcut, then Enter, to insert it.</source>
        <translation>Tippen Sie in einer Antwort / und das Kürzel, dann Enter, um ihn einzufügen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location line="+158"/>
        <source>Could not save the canned reply: {value}</source>
        <translation>Der Textbaustein konnte nicht gespeichert werden: {value}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Saved. Type /{shortcut} in a reply to insert it.</source>
        <translation>Gespeichert. Tippen Sie /{shortcut} in einer Antwort, um ihn einzufügen.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Delete canned reply</source>
        <translation>Textbaustein löschen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the canned reply “/{shortcut}”? This cannot be undone.</source>
        <translation>Den Textbaustein „/{shortcut}“ löschen? Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Could not delete the canned reply: {value}</source>
        <translation>Der Textbaustein konnte nicht gelöscht werden: {value}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Deleted /{shortcut}.</source>
        <translation>/{shortcut} gelöscht.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unsaved canned reply</source>
        <translation>Nicht gespeicherter Textbaustein</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the changes to “{name}”?</source>
        <translation>Die Änderungen an „{name}“ speichern?</translation>
    </message>
</context>
<context>
    <name>ColumnView</name>
    <message>
        <location filename="../../ui/deals/board.py" line="+105"/>
        <source>{stage_title} deals</source>
        <translation>Deals in {stage_title}</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../../ui/inbox/composer.py" line="+146"/>
        <location line="+11"/>
        <source>Reply</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Insert canned reply (type / and its shortcut)</source>
        <translation>Textbaustein einfügen (/ und sein Kürzel tippen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insert canned reply</source>
        <translation>Textbaustein einfügen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cc/Bcc</source>
        <translation>Cc/Bcc</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show or hide the Cc and Bcc fields</source>
        <translation>Cc- und Bcc-Felder ein- oder ausblenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cc and Bcc</source>
        <translation>Cc und Bcc</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Why replying is not possible</source>
        <translation>Warum Antworten nicht möglich ist</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send reply</source>
        <translation>Antwort senden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send (Ctrl+Enter)</source>
        <translation>Senden (Strg+Enter)</translation>
    </message>
    <message>
        <location line="+269"/>
        <source>No canned replies yet</source>
        <translation>Noch keine Textbausteine</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Manage canned replies…</source>
        <translation>Textbausteine verwalten…</translation>
    </message>
</context>
<context>
    <name>Connectivity</name>
    <message>
        <location filename="../../sync/connectivity.py" line="+45"/>
        <source>Connected.</source>
        <translation>Verbunden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No connection to the server. Changes are kept in the outbox and sent when it is back.</source>
        <translation>Keine Verbindung zum Server. Änderungen bleiben im Postausgang und werden gesendet, sobald sie zurück ist.</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>The connection is unreliable; retrying.</source>
        <translation>Die Verbindung ist unzuverlässig; neuer Versuch.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server asked us to slow down; retrying shortly.</source>
        <translation>Der Server bittet um weniger Anfragen; gleich neuer Versuch.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The server is having trouble ({status}); retrying.</source>
        <translation>Der Server hat Probleme ({status}); neuer Versuch.</translation>
    </message>
</context>
<context>
    <name>ContactDetailPanel</name>
    <message>
        <location filename="../../ui/contacts/detail_panel.py" line="+410"/>
        <source>Contact details</source>
        <translation>Kontaktdetails</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Select a contact to see its details.</source>
        <translation>Wählen Sie einen Kontakt, um seine Details zu sehen.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Saving… the change waits in the outbox.</source>
        <translation>Speichern… die Änderung wartet im Postausgang.</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Tags:</source>
        <translation>Tags:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Groups:</source>
        <translation>Gruppen:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Add field</source>
        <translation>Feld hinzufügen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove field</source>
        <translation>Feld entfernen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Custom fields:</source>
        <translation>Eigene Felder:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Activity:</source>
        <translation>Aktivität:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Revert</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>{count:,} contacts selected.
Use the actions above the table to tag, group or delete them together.</source>
        <translation>{count:,} Kontakte ausgewählt.
Mit den Aktionen über der Tabelle können Sie sie gemeinsam taggen, gruppieren oder löschen.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>New contact</source>
        <translation>Neuer Kontakt</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>conversations not fetched yet</source>
        <translation>Unterhaltungen noch nicht abgerufen</translation>
    </message>
</context>
<context>
    <name>ContactsPane</name>
    <message>
        <location filename="../../ui/contacts/pane.py" line="+141"/>
        <location line="+46"/>
        <location line="+84"/>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>Search contacts</source>
        <translation>Kontakte durchsuchen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search name, email, company</source>
        <translation>Name, E-Mail, Firma suchen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Filter by tag</source>
        <translation>Nach Tag filtern</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Filter by group</source>
        <translation>Nach Gruppe filtern</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete the selected contacts</source>
        <translation>Die ausgewählten Kontakte löschen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the selected contacts (Delete)</source>
        <translation>Die ausgewählten Kontakte löschen (Entf)</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Clear search and filters</source>
        <translation>Suche und Filter zurücksetzen</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>{text} for the selected contacts</source>
        <translation>{text} für die ausgewählten Kontakte</translation>
    </message>
    <message>
        <location line="+294"/>
        <source>No contacts match this search and these filters.</source>
        <translation>Keine Kontakte passen zu dieser Suche und diesen Filtern.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No contacts yet.
Create one with New contact, or import a CSV file.</source>
        <translation>Noch keine Kontakte.
Legen Sie einen mit „Neuer Kontakt“ an oder importieren Sie eine CSV-Datei.</translation>
    </message>
    <message>
        <location line="+204"/>
        <source>All {rows:,} matching contacts selected.</source>
        <translation>Alle {rows:,} passenden Kontakte ausgewählt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear selection</source>
        <translation>Auswahl aufheben</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count:,} selected.</source>
        <translation>{count:,} ausgewählt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+122"/>
        <source>Select all {rows:,} matching this filter</source>
        <translation>Alle {rows:,} zu diesem Filter auswählen</translation>
    </message>
    <message>
        <location line="-88"/>
        <source>Tagged {contacts_text} “{tag}”.</source>
        <translation>{contacts_text} mit „{tag}“ getaggt.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Removed “{name}” from {contacts_text}.</source>
        <translation>„{name}“ von {contacts_text} entfernt.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Added {contacts_text} to “{name}”.</source>
        <translation>{contacts_text} zu „{name}“ hinzugefügt.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Removed {contacts_text} from “{name}”.</source>
        <translation>{contacts_text} aus „{name}“ entfernt.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Deleted {contacts_text}.</source>
        <translation>{contacts_text} gelöscht.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Custom fields</source>
        <translation>Eigene Felder</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>CSV import is not available in this build.</source>
        <translation>Der CSV-Import ist in diesem Build nicht verfügbar.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>CSV export is not available in this build.</source>
        <translation>Der CSV-Export ist in diesem Build nicht verfügbar.</translation>
    </message>
</context>
<context>
    <name>Counts</name>
    <message numerus="yes">
        <location filename="../../ui/counts.py" line="+20"/>
        <source>%Ln contact(s)</source>
        <translation>
            <numerusform>%Ln Kontakt</numerusform>
            <numerusform>%Ln Kontakte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln member(s)</source>
        <translation>
            <numerusform>%Ln Mitglied</numerusform>
            <numerusform>%Ln Mitglieder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln tag(s)</source>
        <translation>
            <numerusform>%Ln Tag</numerusform>
            <numerusform>%Ln Tags</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln group(s)</source>
        <translation>
            <numerusform>%Ln Gruppe</numerusform>
            <numerusform>%Ln Gruppen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln change(s)</source>
        <translation>
            <numerusform>%Ln Änderung</numerusform>
            <numerusform>%Ln Änderungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln later change(s)</source>
        <translation>
            <numerusform>%Ln spätere Änderung</numerusform>
            <numerusform>%Ln spätere Änderungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln (reply|replies)</source>
        <translation>
            <numerusform>%Ln Antwort</numerusform>
            <numerusform>%Ln Antworten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln attempt(s)</source>
        <translation>
            <numerusform>%Ln Versuch</numerusform>
            <numerusform>%Ln Versuche</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln deal(s)</source>
        <translation>
            <numerusform>%Ln Deal</numerusform>
            <numerusform>%Ln Deals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln conversation(s)</source>
        <translation>
            <numerusform>%Ln Unterhaltung</numerusform>
            <numerusform>%Ln Unterhaltungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln open conversation(s)</source>
        <translation>
            <numerusform>%Ln offene Unterhaltung</numerusform>
            <numerusform>%Ln offene Unterhaltungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln recipient(s)</source>
        <translation>
            <numerusform>%Ln Empfänger</numerusform>
            <numerusform>%Ln Empfänger</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln distinct recipient(s)</source>
        <translation>
            <numerusform>%Ln verschiedener Empfänger</numerusform>
            <numerusform>%Ln verschiedene Empfänger</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln campaign(s)</source>
        <translation>
            <numerusform>%Ln Kampagne</numerusform>
            <numerusform>%Ln Kampagnen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomFieldsTable</name>
    <message>
        <location filename="../../ui/contacts/detail_panel.py" line="-409"/>
        <source>Custom fields</source>
        <translation>Eigene Felder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Type of custom field {name}</source>
        <translation>Typ des eigenen Felds {name}</translation>
    </message>
</context>
<context>
    <name>DealBoard</name>
    <message>
        <location filename="../../ui/deals/board.py" line="+420"/>
        <source>Deal pipeline</source>
        <translation>Deal-Pipeline</translation>
    </message>
</context>
<context>
    <name>DealDialog</name>
    <message>
        <location filename="../../ui/deals/deal_dialog.py" line="+350"/>
        <source>Deal title</source>
        <translation>Deal-Titel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. Acme — annual plan</source>
        <translation>z. B. Acme — Jahrestarif</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Deal value</source>
        <translation>Deal-Wert</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search by name, email or company…</source>
        <translation>Nach Name, E-Mail oder Firma suchen…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Matching contacts</source>
        <translation>Passende Kontakte</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Assignee</source>
        <translation>Zuständig</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Expected c&amp;lose</source>
        <translation>Erwarteter &amp;Abschluss</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Has an expected close date</source>
        <translation>Hat ein erwartetes Abschlussdatum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tick to set an expected close date</source>
        <translation>Anhaken, um ein erwartetes Abschlussdatum zu setzen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Expected close date</source>
        <translation>Erwartetes Abschlussdatum</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No date</source>
        <translation>Kein Datum</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+226"/>
        <source>Anything worth remembering about this deal</source>
        <translation>Alles, was man zu diesem Deal wissen sollte</translation>
    </message>
    <message>
        <location line="-201"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete the deal</source>
        <translation>Den Deal löschen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>EUR</source>
        <translation>EUR</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ISO 4217 currency: type a code or a name</source>
        <translation>Währung nach ISO 4217: Code oder Namen eingeben</translation>
    </message>
    <message>
        <location line="+134"/>
        <source>Loading notes…</source>
        <translation>Notizen werden geladen…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The notes could not be loaded (offline?). Anything typed here replaces them.</source>
        <translation>Die Notizen konnten nicht geladen werden (offline?). Was Sie hier eingeben, ersetzt sie.</translation>
    </message>
    <message>
        <location line="+320"/>
        <source>Delete deal</source>
        <translation>Deal löschen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the deal “{title}”?</source>
        <translation>Den Deal „{title}“ löschen?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>It leaves the board now and the server when the outbox sends the change.</source>
        <translation>Er verschwindet jetzt vom Board und vom Server, sobald der Postausgang die Änderung sendet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
</context>
<context>
    <name>DealsPane</name>
    <message>
        <location filename="../../ui/deals/pane.py" line="+144"/>
        <location line="+41"/>
        <source>Deals</source>
        <translation>Deals</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Search deals</source>
        <translation>Deals durchsuchen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search title or contact</source>
        <translation>Titel oder Kontakt suchen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Filter by assignee</source>
        <translation>Nach Zuständigen filtern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whose deals</source>
        <translation>Wessen Deals</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sort cards by</source>
        <translation>Karten sortieren nach</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sort the cards in each column</source>
        <translation>Die Karten in jeder Spalte sortieren</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+1"/>
        <source>More board options</source>
        <translation>Weitere Board-Optionen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mark deals as stale after…</source>
        <translation>Deals als veraltet markieren nach…</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+3"/>
        <source>New deal</source>
        <translation>Neuer Deal</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Create a deal (Ctrl+N)</source>
        <translation>Deal anlegen (Strg+N)</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Stale deals</source>
        <translation>Veraltete Deals</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark open deals as stale when nobody changed them for more than (days):</source>
        <translation>Offene Deals als veraltet markieren, wenn niemand sie länger geändert hat als (Tage):</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Deals untouched for more than {days} days are marked stale.</source>
        <translation>Deals, die länger als {days} Tage unverändert sind, werden als veraltet markiert.</translation>
    </message>
    <message>
        <location line="+318"/>
        <source>The deal editor is not available in this build.</source>
        <translation>Der Deal-Editor ist in diesem Build nicht verfügbar.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This deal is no longer here.</source>
        <translation>Diesen Deal gibt es hier nicht mehr.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Delete deal</source>
        <translation>Deal löschen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It is deleted on the server too, and cannot be undone.</source>
        <translation>Er wird auch auf dem Server gelöscht; das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{quoted} deleted.</source>
        <translation>{quoted} gelöscht.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{deals_text} deleted.</source>
        <translation>{deals_text} gelöscht.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>{quoted} could not be moved: {why}</source>
        <translation>{quoted} konnte nicht verschoben werden: {why}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{quoted} could not be saved: {why}</source>
        <translation>{quoted} konnte nicht gespeichert werden: {why}</translation>
    </message>
</context>
<context>
    <name>EditDialog</name>
    <message>
        <location filename="../../ui/outbox/edit_dialog.py" line="+62"/>
        <source>Edit queued change</source>
        <translation>Wartende Änderung bearbeiten</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Change what will be sent. Saving puts it back in the queue; it goes as soon as the server can be reached.</source>
        <translation>Ändern Sie, was gesendet wird. Beim Speichern kommt sie zurück in die Warteschlange; sie geht raus, sobald der Server erreichbar ist.</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>Separate with commas</source>
        <translation>Durch Kommas trennen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This part of the change cannot be edited here.</source>
        <translation>Dieser Teil der Änderung kann hier nicht bearbeitet werden.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/contacts/export_dialog.py" line="+72"/>
        <location line="+83"/>
        <source>Export contacts</source>
        <translation>Kontakte exportieren</translation>
    </message>
    <message>
        <location line="-82"/>
        <source>Export contacts to CSV</source>
        <translation>Kontakte als CSV exportieren</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Columns to export</source>
        <translation>Zu exportierende Spalten</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add a byte order mark (for Excel and other spreadsheet programs)</source>
        <translation>Byte-Order-Mark hinzufügen (für Excel und andere Tabellenkalkulationen)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add a byte order mark</source>
        <translation>Byte-Order-Mark hinzufügen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>File to write</source>
        <translation>Zieldatei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{count:,} contacts will be exported.</source>
        <translation>{count:,} Kontakte werden exportiert.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Writing {count:,} contacts…</source>
        <translation>{count:,} Kontakte werden geschrieben…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The file could not be written: {exc}</source>
        <translation>Die Datei konnte nicht geschrieben werden: {exc}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{written:,} contacts written to {strip}.</source>
        <translation>{written:,} Kontakte nach {strip} geschrieben.</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../ui/contacts/import_dialog.py" line="+275"/>
        <source>Choose a CSV file</source>
        <translation>CSV-Datei wählen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>contacts.csv</source>
        <translation>kontakte.csv</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encoding</source>
        <translation>Zeichenkodierung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delimiter</source>
        <translation>Trennzeichen</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+12"/>
        <source>Past imports</source>
        <translation>Frühere Importe</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Import contacts</source>
        <translation>Kontakte importieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV-Dateien (*.csv *.txt);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>GroupDialog</name>
    <message>
        <location filename="../../ui/tags_groups/dialogs.py" line="+234"/>
        <source>Group name</source>
        <translation>Gruppenname</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. Webinar attendees</source>
        <translation>z. B. Webinar-Teilnehmer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Group description</source>
        <translation>Gruppenbeschreibung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional: who belongs here and why</source>
        <translation>Optional: wer hierher gehört und warum</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/contacts/import_dialog.py" line="+313"/>
        <source>Import contacts</source>
        <translation>Kontakte importieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import contacts from CSV</source>
        <translation>Kontakte aus CSV importieren</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Reading the file…</source>
        <translation>Datei wird gelesen…</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Saving the rows to send…</source>
        <translation>Die zu sendenden Zeilen werden gespeichert…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save failed rows</source>
        <translation>Fehlgeschlagene Zeilen speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed-rows.csv</source>
        <translation>fehlgeschlagene-zeilen.csv</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
</context>
<context>
    <name>Inbox</name>
    <message>
        <location filename="../../services/inbox.py" line="+89"/>
        <source>This workspace&apos;s token has no access to conversations, so replies and status changes are turned off. Ask an admin for a token with that scope.</source>
        <translation>Das Token dieses Arbeitsbereichs hat keinen Zugriff auf Unterhaltungen, daher sind Antworten und Statusänderungen abgeschaltet. Bitten Sie einen Admin um ein Token mit dieser Berechtigung.</translation>
    </message>
</context>
<context>
    <name>InboxPane</name>
    <message>
        <location filename="../../ui/inbox/pane.py" line="+121"/>
        <location line="+34"/>
        <source>Inbox</source>
        <translation>Posteingang</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+1"/>
        <source>More inbox options</source>
        <translation>Weitere Posteingang-Optionen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Search conversations</source>
        <translation>Unterhaltungen durchsuchen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search subject, contact, labels</source>
        <translation>Betreff, Kontakt, Labels suchen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Unread</source>
        <translation>Ungelesen</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>Show unread conversations only</source>
        <translation>Nur ungelesene Unterhaltungen zeigen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Conversations</source>
        <translation>Unterhaltungen</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>Select a conversation to read it and reply.</source>
        <translation>Wählen Sie eine Unterhaltung, um sie zu lesen und zu beantworten.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Check for new conversations every</source>
        <translation>Auf neue Unterhaltungen prüfen alle</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Manage canned replies…</source>
        <translation>Textbausteine verwalten…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Until a time you choose…</source>
        <translation>Bis zu einer Zeit Ihrer Wahl…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Until the customer writes again</source>
        <translation>Bis der Kunde wieder schreibt</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>New conversations are checked every {text}.</source>
        <translation>Neue Unterhaltungen werden alle {text} geprüft.</translation>
    </message>
    <message>
        <location line="+229"/>
        <source>Mark as unread</source>
        <translation>Als ungelesen markieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Snooze</source>
        <translation>Zurückstellen</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Select a conversation to reply.</source>
        <translation>Wählen Sie eine Unterhaltung, um zu antworten.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>“{subject}” reopened.</source>
        <translation>„{subject}“ wieder geöffnet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“{subject}” closed.</source>
        <translation>„{subject}“ geschlossen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>“{subject}” snoozed until {moment:%a %d %b, %H:%M}.</source>
        <translation>„{subject}“ zurückgestellt bis {moment:%d.%m., %H:%M}.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A snooze time must be in the future.</source>
        <translation>Die Zeit zum Zurückstellen muss in der Zukunft liegen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>“{subject}” snoozed until the customer writes again.</source>
        <translation>„{subject}“ zurückgestellt, bis der Kunde wieder schreibt.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Me ({name})</source>
        <translation>Ich ({name})</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Unassign</source>
        <translation>Zuweisung aufheben</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>This conversation is no longer in the inbox.</source>
        <translation>Diese Unterhaltung ist nicht mehr im Posteingang.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Offline: the reply is queued and goes out when you&apos;re back.</source>
        <translation>Offline: Die Antwort wartet und geht raus, sobald Sie wieder online sind.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>That reply is already on its way and can no longer be edited.</source>
        <translation>Diese Antwort ist schon unterwegs und kann nicht mehr bearbeitet werden.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Discard reply</source>
        <translation>Antwort verwerfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard this reply? It has not been sent and cannot be recovered.</source>
        <translation>Diese Antwort verwerfen? Sie wurde nicht gesendet und lässt sich nicht wiederherstellen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <location filename="../../ui/inbox/composer.py" line="-771"/>
        <source>Link address</source>
        <translation>Linkadresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>https://example.com or name@example.com</source>
        <translation>https://example.com oder name@example.com</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Apply</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remove link</source>
        <translation>Link entfernen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Link to</source>
        <translation>Link auf</translation>
    </message>
</context>
<context>
    <name>LostReasonDialog</name>
    <message>
        <location filename="../../ui/deals/pane.py" line="-609"/>
        <source>Mark as lost</source>
        <translation>Als verloren markieren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Why was {what} lost? The reason is added to the notes.</source>
        <translation>Warum ging {what} verloren? Der Grund wird den Notizen hinzugefügt.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reason the deal was lost</source>
        <translation>Grund für den Verlust des Deals</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. Went with a competitor (optional)</source>
        <translation>z. B. Hat sich für die Konkurrenz entschieden (optional)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Skip</source>
        <translation>Überspringen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Move</source>
        <translation>Verschieben</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="+114"/>
        <source>Sign in again…</source>
        <translation>Erneut anmelden…</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>Refreshing from the server…</source>
        <translation>Wird vom Server aktualisiert…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add workspace…</source>
        <translation>Arbeitsbereich hinzufügen…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;About MailTrixy Desktop</source>
        <translation>&amp;Über MailTrixy Desktop</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>The server no longer accepts this workspace&apos;s token. Your unsent changes are kept; sign in again to send them.</source>
        <translation>Der Server akzeptiert das Token dieses Arbeitsbereichs nicht mehr. Ihre nicht gesendeten Änderungen bleiben erhalten; melden Sie sich erneut an, um sie zu senden.</translation>
    </message>
    <message numerus="yes">
        <location line="+91"/>
        <source>%Ln change(s) (has|have) not been sent yet. (It is|They are) kept on this computer and (goes|go) out the next time you start MailTrixy Desktop.</source>
        <translation>
            <numerusform>%Ln Änderung wurde noch nicht gesendet. Sie bleibt auf diesem Computer und geht beim nächsten Start von MailTrixy Desktop raus.</numerusform>
            <numerusform>%Ln Änderungen wurden noch nicht gesendet. Sie bleiben auf diesem Computer und gehen beim nächsten Start von MailTrixy Desktop raus.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Quit with unsent changes?</source>
        <translation>Mit nicht gesendeten Änderungen beenden?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quit anyway</source>
        <translation>Trotzdem beenden</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../ui/contacts/import_dialog.py" line="-407"/>
        <source>Map the columns</source>
        <translation>Spalten zuordnen</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The first rows of the file</source>
        <translation>Die ersten Zeilen der Datei</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags and groups separated by</source>
        <translation>Tags und Gruppen getrennt durch</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <location filename="../../ui/navigation.py" line="+100"/>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
</context>
<context>
    <name>OutboxPane</name>
    <message>
        <location filename="../../ui/outbox/pane.py" line="+125"/>
        <location line="+6"/>
        <source>Outbox</source>
        <translation>Postausgang</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Changes waiting to be sent</source>
        <translation>Änderungen, die auf das Senden warten</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+340"/>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <location line="-333"/>
        <source>Retry now</source>
        <translation>Jetzt erneut versuchen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The selected change</source>
        <translation>Die ausgewählte Änderung</translation>
    </message>
    <message numerus="yes">
        <location line="+120"/>
        <source>%Ln (needs|need) your decision</source>
        <translation>
            <numerusform>%Ln braucht Ihre Entscheidung</numerusform>
            <numerusform>%Ln brauchen Ihre Entscheidung</numerusform>
        </translation>
    </message>
    <message>
        <location line="+44"/>
        <source>&lt;span style=&apos;color:palette(placeholder-text)&apos;&gt;Choose a change to see why it waits and what it sends.&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:palette(placeholder-text)&apos;&gt;Wählen Sie eine Änderung, um zu sehen, warum sie wartet und was sie sendet.&lt;/span&gt;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;b&gt;{plural} selected&lt;/b&gt;&lt;br&gt;{escape}</source>
        <translation>&lt;b&gt;{plural} ausgewählt&lt;/b&gt;&lt;br&gt;{escape}</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Offline: {plural} will be sent when the connection returns.</source>
        <translation>Offline: {plural} werden gesendet, sobald die Verbindung zurück ist.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sending {plural} now…</source>
        <translation>{plural} werden jetzt gesendet…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sending {plural} as written.</source>
        <translation>{plural} werden wie geschrieben gesendet.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>That change is being sent now and can no longer be edited.</source>
        <translation>Diese Änderung wird gerade gesendet und kann nicht mehr bearbeitet werden.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Saved; it goes out with the rest of the queue.</source>
        <translation>Gespeichert; sie geht mit dem Rest der Warteschlange raus.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>That change left the queue while it was being edited; the edit was not kept.</source>
        <translation>Diese Änderung hat die Warteschlange während der Bearbeitung verlassen; die Bearbeitung wurde nicht übernommen.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Discard changes</source>
        <translation>Änderungen verwerfen</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Discarded {plural}.</source>
        <translation>{plural} verworfen.</translation>
    </message>
</context>
<context>
    <name>Panes</name>
    <message>
        <location filename="../../ui/pane_registry.py" line="+68"/>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Inbox</source>
        <translation>Posteingang</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Deals</source>
        <translation>Deals</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Campaigns</source>
        <translation>Kampagnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags &amp; Groups</source>
        <translation>Tags &amp; Gruppen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Webhooks</source>
        <translation>Webhooks</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outbox</source>
        <translation>Postausgang</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <location filename="../../ui/contacts/import_dialog.py" line="+176"/>
        <source>Import report</source>
        <translation>Importbericht</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save failed rows as CSV…</source>
        <translation>Fehlgeschlagene Zeilen als CSV speichern…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Rows that failed</source>
        <translation>Fehlgeschlagene Zeilen</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{state}
{created:,} created, {updated:,} updated, {unchanged:,} unchanged, {skipped:,} skipped, {failed:,} failed, {unfinished:,} not sent yet (of {total:,}).</source>
        <translation>{state}
{created:,} angelegt, {updated:,} aktualisiert, {unchanged:,} unverändert, {skipped:,} übersprungen, {failed:,} fehlgeschlagen, {unfinished:,} noch nicht gesendet (von {total:,}).</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <location line="-79"/>
        <source>Importing</source>
        <translation>Import läuft</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel import</source>
        <translation>Import abbrechen</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{finished:,} of {total:,}: {done:,} imported, {failed:,} failed, {skipped:,} skipped</source>
        <translation>{finished:,} von {total:,}: {done:,} importiert, {failed:,} fehlgeschlagen, {skipped:,} übersprungen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{rate:,.0f} rows per second, about {duration} left{waiting}</source>
        <translation>{rate:,.0f} Zeilen pro Sekunde, noch etwa {duration}{waiting}</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location filename="../../ui/main_window.py" line="-394"/>
        <source>Window</source>
        <translation>Fenster</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Go to the pane at that place in the sidebar</source>
        <translation>Zum Bereich an dieser Stelle der Seitenleiste wechseln</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search in the current pane</source>
        <translation>Im aktuellen Bereich suchen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh the current pane from the server</source>
        <translation>Den aktuellen Bereich vom Server aktualisieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New item in the current pane</source>
        <translation>Neues Element im aktuellen Bereich</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show this list</source>
        <translation>Diese Liste anzeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
</context>
<context>
    <name>ShortcutsWindow</name>
    <message>
        <location filename="../../ui/help_windows.py" line="-53"/>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../ui/signin_dialog.py" line="+235"/>
        <source>Enter your MailTrixy server&apos;s address and an API token (Settings → API tokens in MailTrixy).</source>
        <translation>Geben Sie die Adresse Ihres MailTrixy-Servers und ein API-Token ein (Einstellungen → API-Tokens in MailTrixy).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>https://crm.example.com</source>
        <translation>https://crm.example.com</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>API token</source>
        <translation>API-Token</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>mtx_…</source>
        <translation>mtx_…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use this unencrypted connection anyway</source>
        <translation>Diese unverschlüsselte Verbindung trotzdem verwenden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Allow an unencrypted http connection</source>
        <translation>Eine unverschlüsselte http-Verbindung erlauben</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With http://, anyone on the network between you and the server can read the token and your data.</source>
        <translation>Mit http:// kann jeder im Netz zwischen Ihnen und dem Server das Token und Ihre Daten mitlesen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Check</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the address and token</source>
        <translation>Adresse und Token prüfen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sign-in problem</source>
        <translation>Anmeldeproblem</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>What this token may do</source>
        <translation>Was dieses Token darf</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Keep the token for this session only</source>
        <translation>Das Token nur für diese Sitzung behalten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You will be asked for it again the next time the app starts.</source>
        <translation>Beim nächsten Start der App werden Sie erneut danach gefragt.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>API token:</source>
        <translation>API-Token:</translation>
    </message>
    <message>
        <location line="+145"/>
        <source>Signed in as {who} to {where}.</source>
        <translation>Als {who} bei {where} angemeldet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This token opens {where}.</source>
        <translation>Dieses Token öffnet {where}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server accepted this token.</source>
        <translation>Der Server hat dieses Token akzeptiert.</translation>
    </message>
</context>
<context>
    <name>SnoozeDialog</name>
    <message>
        <location filename="../../ui/inbox/pane.py" line="-783"/>
        <source>Snooze until</source>
        <translation>Zurückstellen bis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bring this conversation back at:</source>
        <translation>Diese Unterhaltung zurückholen am:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Snooze</source>
        <translation>Zurückstellen</translation>
    </message>
</context>
<context>
    <name>StageColumn</name>
    <message>
        <location filename="../../ui/deals/board.py" line="-231"/>
        <source>{title} column</source>
        <translation>Spalte {title}</translation>
    </message>
    <message>
        <location line="+38"/>
        <location line="+1"/>
        <source>Fold the {title} column</source>
        <translation>Spalte {title} einklappen</translation>
    </message>
</context>
<context>
    <name>StatsChart</name>
    <message>
        <location filename="../../ui/campaigns/chart.py" line="+58"/>
        <source>Campaign statistics</source>
        <translation>Kampagnenstatistik</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../ui/status_bar.py" line="+21"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connection trouble</source>
        <translation>Verbindungsprobleme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>conversations</source>
        <translation>Unterhaltungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>deals</source>
        <translation>Deals</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>campaigns</source>
        <translation>Kampagnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>webhooks</source>
        <translation>Webhooks</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>team</source>
        <translation>Team</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>email accounts</source>
        <translation>E-Mail-Konten</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a minute ago</source>
        <translation>vor einer Minute</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} minutes ago</source>
        <translation>vor {count} Minuten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an hour ago</source>
        <translation>vor einer Stunde</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} hours ago</source>
        <translation>vor {count} Stunden</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Changes waiting to be sent to the server</source>
        <translation>Änderungen, die auf das Senden an den Server warten</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&lt;span style=&quot;color:{name}&quot;&gt;●&lt;/span&gt; {value}</source>
        <translation>&lt;span style=&quot;color:{name}&quot;&gt;●&lt;/span&gt; {value}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Connection: {value}. {reason}</source>
        <translation>Verbindung: {value}. {reason}</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Offline — {count} queued</source>
        <translation>Offline — {count} wartend</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Retrying — {count} queued</source>
        <translation>Neuer Versuch — {count} wartend</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sending {count}…</source>
        <translation>{count} werden gesendet…</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>⚠ %Ln (needs|need) attention</source>
        <translation>
            <numerusform>⚠ %Ln braucht Aufmerksamkeit</numerusform>
            <numerusform>⚠ %Ln brauchen Aufmerksamkeit</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} waiting</source>
        <translation>{count} wartend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All changes sent</source>
        <translation>Alle Änderungen gesendet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outbox: {text}</source>
        <translation>Postausgang: {text}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Syncing {what}… {done} of {total}</source>
        <translation>Synchronisiere {what}… {done} von {total}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Syncing…</source>
        <translation>Synchronisiere…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sync failed</source>
        <translation>Synchronisierung fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Synced {ago}</source>
        <translation>Synchronisiert {ago}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sync: {text}</source>
        <translation>Synchronisierung: {text}</translation>
    </message>
</context>
<context>
    <name>TagDialog</name>
    <message>
        <location filename="../../ui/tags_groups/dialogs.py" line="-70"/>
        <source>Tag name</source>
        <translation>Tag-Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. vip-client</source>
        <translation>z. B. vip-kunde</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tag colour</source>
        <translation>Tag-Farbe</translation>
    </message>
</context>
<context>
    <name>TagEditor</name>
    <message>
        <location filename="../../ui/contacts/detail_panel.py" line="-124"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add a tag</source>
        <translation>Tag hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a tag… (Enter)</source>
        <translation>Tag hinzufügen… (Enter)</translation>
    </message>
</context>
<context>
    <name>TagsGroupsPane</name>
    <message>
        <location filename="../../ui/tags_groups/pane.py" line="+140"/>
        <source>Tags and groups</source>
        <translation>Tags und Gruppen</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Contact groups</source>
        <translation>Kontaktgruppen</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Find a contact to add to the group</source>
        <translation>Einen Kontakt suchen, der zur Gruppe hinzukommt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add contacts: type a name or email…</source>
        <translation>Kontakte hinzufügen: Name oder E-Mail eingeben…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Matching contacts</source>
        <translation>Passende Kontakte</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Members of the group</source>
        <translation>Mitglieder der Gruppe</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Remove from group</source>
        <translation>Aus Gruppe entfernen</translation>
    </message>
    <message>
        <location line="+112"/>
        <location line="+1"/>
        <source>None yet</source>
        <translation>Noch keine</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a group to see and change its members.</source>
        <translation>Wählen Sie eine Gruppe, um ihre Mitglieder zu sehen und zu ändern.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Members of {name}</source>
        <translation>Mitglieder von {name}</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Colour of “{name}”</source>
        <translation>Farbe von „{name}“</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Deleted the tag “{name}”.</source>
        <translation>Tag „{name}“ gelöscht.</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Deleted the group “{name}”.</source>
        <translation>Gruppe „{name}“ gelöscht.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>{plural} match; choose one from the list.</source>
        <translation>{plural} passen; wählen Sie einen aus der Liste.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No contact matches that search (or they are all members).</source>
        <translation>Kein Kontakt passt zu dieser Suche (oder alle sind schon Mitglieder).</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Added {name} to “{name2}”.</source>
        <translation>{name} zu „{name2}“ hinzugefügt.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Removed {plural} from “{name}”.</source>
        <translation>{plural} aus „{name}“ entfernt.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>{what} was not saved: {value}</source>
        <translation>{what} wurde nicht gespeichert: {value}</translation>
    </message>
</context>
<context>
    <name>ThreadView</name>
    <message>
        <location filename="../../ui/inbox/thread_view.py" line="+260"/>
        <source>Conversation thread</source>
        <translation>Verlauf der Unterhaltung</translation>
    </message>
    <message>
        <location line="+259"/>
        <source>Open this link?</source>
        <translation>Diesen Link öffnen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The link shows “{shown}” but goes to {real}.</source>
        <translation>Der Link zeigt „{shown}“, führt aber zu {real}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open {toString} anyway?</source>
        <translation>{toString} trotzdem öffnen?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open {real}</source>
        <translation>{real} öffnen</translation>
    </message>
</context>
<context>
    <name>ValidationPage</name>
    <message>
        <location filename="../../ui/contacts/import_dialog.py" line="-103"/>
        <source>Check before sending</source>
        <translation>Vor dem Senden prüfen</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+27"/>
        <source>Checking every row…</source>
        <translation>Jede Zeile wird geprüft…</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Update contacts the workspace already has</source>
        <translation>Vorhandene Kontakte des Arbeitsbereichs aktualisieren</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Skip rows whose email the workspace already has</source>
        <translation>Zeilen überspringen, deren E-Mail schon vorhanden ist</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Rows with problems</source>
        <translation>Zeilen mit Problemen</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{total:,} rows: {new:,} new, {existing:,} already in the workspace, {duplicates:,} repeated in the file (skipped), {bad:,} with problems (not sent).</source>
        <translation>{total:,} Zeilen: {new:,} neu, {existing:,} schon im Arbeitsbereich, {duplicates:,} in der Datei doppelt (übersprungen), {bad:,} mit Problemen (nicht gesendet).</translation>
    </message>
</context>
<context>
    <name>WorkspaceMenu</name>
    <message>
        <location filename="../../ui/workspace_menu.py" line="+58"/>
        <source>Switch to {name} ({server_url})</source>
        <translation>Zu {name} wechseln ({server_url})</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Add workspace…</source>
        <translation>Arbeitsbereich hinzufügen…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sign out of {current_name}</source>
        <translation>Von {current_name} abmelden</translation>
    </message>
</context>
<context>
    <name>_AddressField</name>
    <message>
        <location filename="../../ui/inbox/composer.py" line="+307"/>
        <source>Addresses separated by commas</source>
        <translation>Adressen, durch Kommas getrennt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>name@example.com, another@example.com</source>
        <translation>name@example.com, andere@example.com</translation>
    </message>
</context>
<context>
    <name>campaigns.editor</name>
    <message>
        <location filename="../../ui/campaigns/editor.py" line="+422"/>
        <source>Delete draft</source>
        <translation>Entwurf löschen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the draft “{name}”?</source>
        <translation>Den Entwurf „{name}“ löschen?</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>It leaves this list now and the server when the outbox sends it.</source>
        <translation>Er verschwindet jetzt aus dieser Liste und vom Server, sobald der Postausgang ihn sendet.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
</context>
</TS>
