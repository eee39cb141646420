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
    <name>AdminService</name>
    <message>
        <location filename="../../services/admin.py" line="+25"/>
        <source>This workspace&apos;s API token has no “webhooks” scope, so webhooks cannot be created or deleted here. Ask an admin for a token with that scope.</source>
        <translation>Dem API-Token dieses Arbeitsbereichs fehlt der Bereich „webhooks“, daher können hier keine Webhooks angelegt oder gelöscht werden. Bitten Sie einen Admin um ein Token mit diesem Bereich.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>You are offline. A webhook&apos;s secret comes only from the server, once, so a webhook cannot be created offline; try again when the connection is back.</source>
        <translation>Sie sind offline. Das Geheimnis eines Webhooks kommt nur vom Server, und nur einmal, daher kann offline kein Webhook angelegt werden; versuchen Sie es erneut, sobald die Verbindung wieder da ist.</translation>
    </message>
</context>
<context>
    <name>AppSession</name>
    <message>
        <location filename="../../app/runner.py" line="+158"/>
        <source>Importing contacts: {finished} of {total}…</source>
        <translation>Kontakte werden importiert: {finished} von {total}…</translation>
    </message>
</context>
<context>
    <name>CampaignDelegate</name>
    <message>
        <location filename="../../ui/campaigns/delegate.py" line="+35"/>
        <source>Delivered</source>
        <translation>Zugestellt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opened</source>
        <translation>Geöffnet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clicked</source>
        <translation>Geklickt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bounced</source>
        <translation>Unzustellbar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unsub.</source>
        <translation>Abgem.</translation>
    </message>
    <message>
        <location line="+155"/>
        <source>Not sent yet</source>
        <translation>Noch nicht gesendet</translation>
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
        <location line="+45"/>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location line="+19"/>
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
        <location line="+28"/>
        <source>Delivery rate</source>
        <translation>Zustellrate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open rate</source>
        <translation>Öffnungsrate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click rate</source>
        <translation>Klickrate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bounce rate</source>
        <translation>Bounce-Rate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unsubscribe rate</source>
        <translation>Abmelderate</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The email as it will look</source>
        <translation>Die E-Mail, wie sie aussehen wird</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The body is not on this computer yet.</source>
        <translation>Der Inhalt ist noch nicht auf diesem Computer.</translation>
    </message>
    <message>
        <location line="+7"/>
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
        <location line="+124"/>
        <source>Send now…</source>
        <translation>Jetzt senden…</translation>
    </message>
    <message>
        <location line="-105"/>
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
        <location line="+26"/>
        <source>{recipients} in {groups}</source>
        <translation>{recipients} in {groups}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{percent} processed</source>
        <translation>{percent} verarbeitet</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The server refused it.</source>
        <translation>Der Server hat sie abgelehnt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not sent</source>
        <translation>Nicht gesendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The change was not saved</source>
        <translation>Die Änderung wurde nicht gespeichert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not deleted</source>
        <translation>Nicht gelöscht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not created</source>
        <translation>Nicht angelegt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not done</source>
        <translation>Nicht erledigt</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>◷  {verb} waits in the outbox and goes when the server answers.</source>
        <translation>◷  {verb} wartet im Postausgang und geht raus, sobald der Server antwortet.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Resume sending…</source>
        <translation>Senden fortsetzen…</translation>
    </message>
</context>
<context>
    <name>CampaignDialog</name>
    <message>
        <location filename="../../ui/campaigns/editor.py" line="+106"/>
        <source>&lt;h1&gt;Hello {{contact.name}}&lt;/h1&gt;
&lt;p&gt;Write your message here.&lt;/p&gt;
&lt;p&gt;— The team&lt;/p&gt;
&lt;p style=&quot;color:#888&quot;&gt;You receive this as {{contact.email}}.&lt;/p&gt;
</source>
        <translation>&lt;h1&gt;Hallo {{contact.name}}&lt;/h1&gt;
&lt;p&gt;Schreiben Sie hier Ihre Nachricht.&lt;/p&gt;
&lt;p&gt;— Ihr Team&lt;/p&gt;
&lt;p style=&quot;color:#888&quot;&gt;Sie erhalten dies als {{contact.email}}.&lt;/p&gt;
</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>local time</source>
        <translation>Ortszeit</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>New campaign</source>
        <translation>Neue Kampagne</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit campaign</source>
        <translation>Kampagne bearbeiten</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Campaign name</source>
        <translation>Kampagnenname</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>e.g. April product update</source>
        <translation>z. B. Produkt-Update April</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What recipients see in their inbox</source>
        <translation>Was Empfänger in ihrem Posteingang sehen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Subject</source>
        <translation>&amp;Betreff</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From name</source>
        <translation>Absendername</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>e.g. Your Company</source>
        <translation>z. B. Ihre Firma</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;From name</source>
        <translation>Absender&amp;name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From email</source>
        <translation>Absenderadresse</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>e.g. newsletter@yourcompany.com</source>
        <translation>z. B. newsletter@ihrefirma.de</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From &amp;email</source>
        <translation>Absender&amp;adresse</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Email account</source>
        <translation>E-Mail-Konto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The connected account the campaign is sent from</source>
        <translation>Das verbundene Konto, von dem die Kampagne gesendet wird</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose an email account…</source>
        <translation>E-Mail-Konto wählen…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(not verified)</source>
        <translation>(nicht verifiziert)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Account</source>
        <translation>&amp;Konto</translation>
    </message>
    <message>
        <location line="+13"/>
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
        <location line="+2"/>
        <source>&amp;Recipients</source>
        <translation>&amp;Empfänger</translation>
    </message>
    <message>
        <location line="+4"/>
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
        <location line="+6"/>
        <source>&amp;When</source>
        <translation>&amp;Wann</translation>
    </message>
    <message>
        <location line="+9"/>
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
        <location line="+10"/>
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
        <location line="+19"/>
        <source>Email account #{id}</source>
        <translation>E-Mail-Konto #{id}</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Tick the groups to send to.</source>
        <translation>Haken Sie die Gruppen an, an die gesendet wird.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;{recipients}&lt;/b&gt; in {groups}</source>
        <translation>&lt;b&gt;{recipients}&lt;/b&gt; in {groups}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (someone in several groups gets one email)</source>
        <translation> (wer in mehreren Gruppen ist, bekommt eine E-Mail)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Schedule</source>
        <translation>Planen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save draft</source>
        <translation>Entwurf speichern</translation>
    </message>
    <message>
        <location line="+146"/>
        <source>Give the campaign a name (only your team sees it).</source>
        <translation>Geben Sie der Kampagne einen Namen (nur Ihr Team sieht ihn).</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+6"/>
        <source>At most {max} characters ({now} now).</source>
        <translation>Höchstens {max} Zeichen (jetzt {now}).</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Write the subject recipients will see.</source>
        <translation>Schreiben Sie den Betreff, den die Empfänger sehen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Say who it is from, e.g. your company&apos;s name.</source>
        <translation>Geben Sie an, von wem sie kommt, z. B. den Namen Ihrer Firma.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose the email account it is sent from.</source>
        <translation>Wählen Sie das E-Mail-Konto, von dem sie gesendet wird.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This email account is not verified yet; choose a verified one.</source>
        <translation>Dieses E-Mail-Konto ist noch nicht verifiziert; wählen Sie ein verifiziertes.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter the sender&apos;s email address.</source>
        <translation>Geben Sie die E-Mail-Adresse des Absenders ein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“{email}” is not an email address.</source>
        <translation>„{email}“ ist keine E-Mail-Adresse.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Use an address at {domain}, the account&apos;s verified domain.</source>
        <translation>Verwenden Sie eine Adresse bei {domain}, der verifizierten Domain des Kontos.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tick at least one group to send to.</source>
        <translation>Haken Sie mindestens eine Empfängergruppe an.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Write the email&apos;s HTML body.</source>
        <translation>Schreiben Sie den HTML-Inhalt der E-Mail.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>That time has passed; choose a time in the future (your local time).</source>
        <translation>Dieser Zeitpunkt ist vorbei; wählen Sie einen in der Zukunft (Ihre Ortszeit).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Fix it before scheduling.</source>
        <translation>Beheben Sie das vor dem Planen.</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>This campaign is no longer on this computer; it cannot be saved.</source>
        <translation>Diese Kampagne ist nicht mehr auf diesem Computer; sie lässt sich nicht speichern.</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Fix the new campaign</source>
        <translation>Die neue Kampagne korrigieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fix the campaign</source>
        <translation>Die Kampagne korrigieren</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The server refused this change.</source>
        <translation>Der Server hat diese Änderung abgelehnt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server did not accept this. Fix what is marked, then save again.</source>
        <translation>Der Server hat das nicht angenommen. Beheben Sie das Markierte und speichern Sie erneut.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>{listed} and {count} more</source>
        <translation>{listed} und {count} weitere</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{listed} matches no contact field: recipients would see it as written.</source>
        <translation>{listed} passt zu keinem Kontaktfeld: Empfänger würden es so sehen, wie es dasteht.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{listed} match no contact field: recipients would see them as written.</source>
        <translation>{listed} passen zu keinem Kontaktfeld: Empfänger würden sie so sehen, wie sie dastehen.</translation>
    </message>
</context>
<context>
    <name>CampaignRateParts</name>
    <message>
        <location filename="../../ui/campaigns/formatting.py" line="+34"/>
        <source>delivered</source>
        <translation>zugestellt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>opened</source>
        <translation>geöffnet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>clicked</source>
        <translation>geklickt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bounced</source>
        <translation>unzustellbar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unsubscribed</source>
        <translation>abgemeldet</translation>
    </message>
</context>
<context>
    <name>CampaignRates</name>
    <message>
        <location line="-12"/>
        <source>Delivered</source>
        <translation>Zugestellt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opened</source>
        <translation>Geöffnet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clicked</source>
        <translation>Geklickt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bounced</source>
        <translation>Unzustellbar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unsubscribed</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>recipients</source>
        <translation>Empfängern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>delivered</source>
        <translation>zugestellten</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>{label}: {part} {part_name} of {whole} {base} ({percent})</source>
        <translation>{label}: {part} von {whole} {base} ({percent})</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>{recipients}; no statistics before it is sent</source>
        <translation>{recipients}; keine Statistik, bevor sie gesendet ist</translation>
    </message>
</context>
<context>
    <name>CampaignStatus</name>
    <message>
        <location line="-86"/>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scheduled</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sending</source>
        <translation>Wird gesendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
</context>
<context>
    <name>CampaignTimes</name>
    <message>
        <location line="+119"/>
        <source>Today {clock}</source>
        <translation>Heute {clock}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tomorrow {clock}</source>
        <translation>Morgen {clock}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Yesterday {clock}</source>
        <translation>Gestern {clock}</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Goes {when}</source>
        <translation>Versand: {when}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent {when}</source>
        <translation>Gesendet: {when}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Started {when}</source>
        <translation>Gestartet: {when}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created {when}</source>
        <translation>Erstellt: {when}</translation>
    </message>
</context>
<context>
    <name>CampaignsPane</name>
    <message>
        <location filename="../../ui/campaigns/pane.py" line="+114"/>
        <location line="+27"/>
        <location line="+63"/>
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
        <location line="+1"/>
        <source>All campaigns</source>
        <translation>Alle Kampagnen</translation>
    </message>
    <message>
        <location line="+9"/>
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
        <location line="+121"/>
        <source>No campaigns yet. Press “New campaign” to write the first.</source>
        <translation>Noch keine Kampagnen. Klicken Sie auf „Neue Kampagne“, um die erste zu schreiben.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No campaign matches this status and search.</source>
        <translation>Keine Kampagne passt zu diesem Status und dieser Suche.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>All campaigns ({count})</source>
        <translation>Alle Kampagnen ({count})</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>A new campaign</source>
        <translation>Eine neue Kampagne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (and {count} more)</source>
        <translation> (und {count} weitere)</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+268"/>
        <source>the server refused it.</source>
        <translation>der Server hat sie abgelehnt.</translation>
    </message>
    <message>
        <location line="-266"/>
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
        <location line="+92"/>
        <source>This campaign is no longer here.</source>
        <translation>Diese Kampagne gibt es hier nicht mehr.</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>{quoted} {verb}; the outbox sends it to the server.</source>
        <translation>{quoted} {verb}; der Postausgang sendet sie an den Server.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{quoted} is not sent: {join} matches no contact field. Edit it first.</source>
        <translation>{quoted} wird nicht gesendet: {join} passt zu keinem Kontaktfeld. Bearbeiten Sie sie zuerst.</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>Resume sending {quoted} now to %Ln recipient(s)?</source>
        <translation>
            <numerusform>Senden von {quoted} an %Ln Empfänger jetzt fortsetzen?</numerusform>
            <numerusform>Senden von {quoted} an %Ln Empfänger jetzt fortsetzen?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Send {quoted} now to %Ln recipient(s)?</source>
        <translation>
            <numerusform>{quoted} jetzt an %Ln Empfänger senden?</numerusform>
            <numerusform>{quoted} jetzt an %Ln Empfänger senden?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Send campaign</source>
        <translation>Kampagne senden</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Send to %Ln recipient(s)</source>
        <translation>
            <numerusform>An %Ln Empfänger senden</numerusform>
            <numerusform>An %Ln Empfänger senden</numerusform>
        </translation>
    </message>
    <message>
        <location line="+96"/>
        <source>A campaign</source>
        <translation>Eine Kampagne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{what} was not sent: {why}</source>
        <translation>{what} wurde nicht gesendet: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what} was not deleted: {why}</source>
        <translation>{what} wurde nicht gelöscht: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what} was not saved: {why}</source>
        <translation>{what} wurde nicht gespeichert: {why}</translation>
    </message>
    <message>
        <location line="-102"/>
        <source>It cannot be stopped from here once it has started.</source>
        <translation>Einmal gestartet, lässt sie sich von hier aus nicht mehr anhalten.</translation>
    </message>
    <message>
        <location line="+31"/>
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
        <location filename="../../ui/inbox/composer.py" line="+748"/>
        <source>Canned replies</source>
        <translation>Textbausteine</translation>
    </message>
</context>
<context>
    <name>CannedReplies</name>
    <message>
        <location filename="../../services/canned_replies.py" line="+50"/>
        <source>A canned reply needs a shortcut.</source>
        <translation>Ein Textbaustein braucht ein Kürzel.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A shortcut is at most {max} characters.</source>
        <translation>Ein Kürzel hat höchstens {max} Zeichen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A shortcut is one word: letters, digits, “-” and “_”, no spaces.</source>
        <translation>Ein Kürzel ist ein Wort: Buchstaben, Ziffern, „-“ und „_“, keine Leerzeichen.</translation>
    </message>
</context>
<context>
    <name>CannedRepliesDialog</name>
    <message>
        <location filename="../../ui/inbox/canned_replies_dialog.py" line="+61"/>
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
        <location line="+28"/>
        <source>Shortcut</source>
        <translation>Kürzel</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>e.g. thanks</source>
        <translation>z. B. danke</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+24"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location line="-23"/>
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
        <location line="+20"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In a reply, type / and the shortcut, then Enter, to insert it.</source>
        <translation>Tippen Sie in einer Antwort / und das Kürzel, dann Enter, um ihn einzufügen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location line="+138"/>
        <source>The shortcut “{shortcut}” is already in use.</source>
        <translation>Das Kürzel „{shortcut}“ ist schon vergeben.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A canned reply needs some text.</source>
        <translation>Ein Textbaustein braucht etwas Text.</translation>
    </message>
    <message>
        <location line="+15"/>
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
        <location line="+4"/>
        <source>new canned reply</source>
        <translation>neuer Textbaustein</translation>
    </message>
    <message>
        <location line="+3"/>
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
    <name>ChipStrip</name>
    <message>
        <location filename="../../ui/contacts/detail_panel.py" line="+95"/>
        <source>Click a tag to remove it</source>
        <translation>Auf ein Tag klicken, um es zu entfernen</translation>
    </message>
</context>
<context>
    <name>ColumnView</name>
    <message>
        <location filename="../../ui/deals/board.py" line="+106"/>
        <source>{stage_title} deals</source>
        <translation>Deals in {stage_title}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>No deals</source>
        <translation>Keine Deals</translation>
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
    <name>ContactColumns</name>
    <message>
        <location filename="../../ui/contacts/export_dialog.py" line="+41"/>
        <location filename="../../ui/contacts/table_model.py" line="+83"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/contacts/table_model.py" line="+1"/>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/contacts/table_model.py" line="+1"/>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/contacts/table_model.py" line="+1"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/contacts/table_model.py" line="+1"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/contacts/table_model.py" line="+1"/>
        <source>Groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/contacts/table_model.py" line="+1"/>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/contacts/table_model.py" line="+1"/>
        <source>Updated</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{name} (custom field)</source>
        <translation>{name} (eigenes Feld)</translation>
    </message>
</context>
<context>
    <name>ContactDetailPanel</name>
    <message>
        <location filename="../../ui/contacts/detail_panel.py" line="+330"/>
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
        <location line="+393"/>
        <source>Saving… the change waits in the outbox.</source>
        <translation>Speichern… die Änderung wartet im Postausgang.</translation>
    </message>
    <message>
        <location line="-357"/>
        <source>Full name</source>
        <translation>Vollständiger Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Company or organisation</source>
        <translation>Firma oder Organisation</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{label}:</source>
        <translation>{label}:</translation>
    </message>
    <message>
        <location line="+5"/>
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
    <message numerus="yes">
        <location line="+51"/>
        <source>%Ln contact(s) selected.
Use the actions above the table to tag, group or delete them together.</source>
        <translation>
            <numerusform>%Ln Kontakt ausgewählt.
Mit den Aktionen über der Tabelle können Sie ihn taggen, gruppieren oder löschen.</numerusform>
            <numerusform>%Ln Kontakte ausgewählt.
Mit den Aktionen über der Tabelle können Sie sie gemeinsam taggen, gruppieren oder löschen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+33"/>
        <source>New contact</source>
        <translation>Neuer Kontakt</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>conversations not fetched yet</source>
        <translation>Unterhaltungen noch nicht abgerufen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>never contacted</source>
        <translation>noch nie kontaktiert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>last contacted {when}</source>
        <translation>zuletzt kontaktiert am {when}</translation>
    </message>
    <message>
        <location line="+159"/>
        <source>The name is required.</source>
        <translation>Der Name ist erforderlich.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The email is required.</source>
        <translation>Die E-Mail-Adresse ist erforderlich.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This does not look like an email address.</source>
        <translation>Das sieht nicht nach einer E-Mail-Adresse aus.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Not sent yet: the change waits in the outbox and is retried.</source>
        <translation>Noch nicht gesendet: Die Änderung wartet im Postausgang und wird erneut versucht.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The server refused this change.</source>
        <translation>Der Server hat diese Änderung abgelehnt.</translation>
    </message>
</context>
<context>
    <name>ContactMatches</name>
    <message>
        <location filename="../../ui/contact_matches.py" line="+104"/>
        <source>Matching contacts</source>
        <translation>Passende Kontakte</translation>
    </message>
</context>
<context>
    <name>ContactsPane</name>
    <message>
        <location filename="../../ui/contacts/pane.py" line="+146"/>
        <location line="+46"/>
        <location line="+83"/>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <location line="-78"/>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Import contacts from CSV</source>
        <translation>Kontakte aus CSV importieren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export contacts to CSV</source>
        <translation>Kontakte als CSV exportieren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New contact</source>
        <translation>Neuer Kontakt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Create a contact (Ctrl+N)</source>
        <translation>Einen Kontakt anlegen (Strg+N)</translation>
    </message>
    <message>
        <location line="+11"/>
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
        <location line="+18"/>
        <location line="+656"/>
        <location line="+4"/>
        <location line="+113"/>
        <source>Add tag</source>
        <translation>Tag hinzufügen</translation>
    </message>
    <message>
        <location line="-772"/>
        <location line="+675"/>
        <location line="+4"/>
        <location line="+94"/>
        <source>Remove tag</source>
        <translation>Tag entfernen</translation>
    </message>
    <message>
        <location line="-772"/>
        <location line="+695"/>
        <location line="+4"/>
        <location line="+74"/>
        <source>Add to group</source>
        <translation>Zur Gruppe hinzufügen</translation>
    </message>
    <message>
        <location line="-771"/>
        <location line="+712"/>
        <location line="+4"/>
        <location line="+56"/>
        <source>Remove from group</source>
        <translation>Aus Gruppe entfernen</translation>
    </message>
    <message>
        <location line="-770"/>
        <location line="+741"/>
        <location line="+40"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location line="-779"/>
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
        <location line="+288"/>
        <source>{shown} of {contacts_text}</source>
        <translation>{shown} von {contacts_text}</translation>
    </message>
    <message>
        <location line="+10"/>
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
        <location line="+57"/>
        <source>All tags</source>
        <translation>Alle Tags</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All groups</source>
        <translation>Alle Gruppen</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>New tag…</source>
        <translation>Neues Tag…</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the changes to this contact before leaving it?</source>
        <translation>Die Änderungen an diesem Kontakt speichern, bevor Sie ihn verlassen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>All %Ln matching contact(s) selected.</source>
        <translation>
            <numerusform>Der %Ln passende Kontakt ist ausgewählt.</numerusform>
            <numerusform>Alle %Ln passenden Kontakte sind ausgewählt.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{count} selected.</source>
        <translation>{count} ausgewählt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+141"/>
        <source>Select all {rows} matching this filter</source>
        <translation>Alle {rows} Treffer dieses Filters auswählen</translation>
    </message>
    <message>
        <location line="-121"/>
        <source>New tag</source>
        <translation>Neues Tag</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tag name (lowercase, no spaces):</source>
        <translation>Tag-Name (Kleinbuchstaben, ohne Leerzeichen):</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>Add the tag “{tag}” to %Ln contact(s)?</source>
        <translation>
            <numerusform>Das Tag „{tag}“ zu %Ln Kontakt hinzufügen?</numerusform>
            <numerusform>Das Tag „{tag}“ zu %Ln Kontakten hinzufügen?</numerusform>
        </translation>
    </message>
    <message>
        <location line="-35"/>
        <source>Clear selection</source>
        <translation>Auswahl aufheben</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Tagged {contacts_text} “{tag}”.</source>
        <translation>{contacts_text} mit „{tag}“ getaggt.</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>Remove the tag “{tag}” from %Ln contact(s)?</source>
        <translation>
            <numerusform>Das Tag „{tag}“ von %Ln Kontakt entfernen?</numerusform>
            <numerusform>Das Tag „{tag}“ von %Ln Kontakten entfernen?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Removed “{name}” from {contacts_text}.</source>
        <translation>„{name}“ von {contacts_text} entfernt.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the group</source>
        <translation>die Gruppe</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Add %Ln contact(s) to “{group}”?</source>
        <translation>
            <numerusform>%Ln Kontakt zu „{group}“ hinzufügen?</numerusform>
            <numerusform>%Ln Kontakte zu „{group}“ hinzufügen?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Added {contacts_text} to “{name}”.</source>
        <translation>{contacts_text} zu „{name}“ hinzugefügt.</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>Remove %Ln contact(s) from “{group}”?</source>
        <translation>
            <numerusform>%Ln Kontakt aus „{group}“ entfernen?</numerusform>
            <numerusform>%Ln Kontakte aus „{group}“ entfernen?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Removed {contacts_text} from “{name}”.</source>
        <translation>{contacts_text} aus „{name}“ entfernt.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Delete “{name}”? This cannot be undone.</source>
        <translation>„{name}“ löschen? Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete this contact? This cannot be undone.</source>
        <translation>Diesen Kontakt löschen? Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Delete %Ln contact(s)? This cannot be undone.</source>
        <translation>
            <numerusform>%Ln Kontakt löschen? Das lässt sich nicht rückgängig machen.</numerusform>
            <numerusform>%Ln Kontakte löschen? Das lässt sich nicht rückgängig machen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete contacts</source>
        <translation>Kontakte löschen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Deleted {contacts_text}.</source>
        <translation>{contacts_text} gelöscht.</translation>
    </message>
    <message numerus="yes">
        <location line="+31"/>
        <source>Delete %Ln contact(s)…</source>
        <translation>
            <numerusform>%Ln Kontakt löschen…</numerusform>
            <numerusform>%Ln Kontakte löschen…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+22"/>
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
    <name>ContactsTableModel</name>
    <message>
        <location filename="../../ui/contacts/table_model.py" line="+100"/>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <location line="+219"/>
        <source>{name}: a change waits in the outbox</source>
        <translation>{name}: Eine Änderung wartet im Postausgang</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Custom field “{name}”</source>
        <translation>Eigenes Feld „{name}“</translation>
    </message>
</context>
<context>
    <name>ConversationDelegate</name>
    <message>
        <location filename="../../ui/inbox/list_delegate.py" line="+136"/>
        <source>Snoozed</source>
        <translation>Zurückgestellt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>You: {text}</source>
        <translation>Sie: {text}</translation>
    </message>
</context>
<context>
    <name>ConversationListModel</name>
    <message>
        <location filename="../../ui/inbox/list_model.py" line="+48"/>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{minutes} min</source>
        <translation>{minutes} Min.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Unread</source>
        <translation>Ungelesen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>assigned to {name}</source>
        <translation>zugewiesen an {name}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>labels {labels}</source>
        <translation>Labels {labels}</translation>
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
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln message(s)</source>
        <translation>
            <numerusform>%Ln Nachricht</numerusform>
            <numerusform>%Ln Nachrichten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln webhook(s)</source>
        <translation>
            <numerusform>%Ln Webhook</numerusform>
            <numerusform>%Ln Webhooks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln (delivery|deliveries)</source>
        <translation>
            <numerusform>%Ln Zustellung</numerusform>
            <numerusform>%Ln Zustellungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln operation(s)</source>
        <translation>
            <numerusform>%Ln Vorgang</numerusform>
            <numerusform>%Ln Vorgänge</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomFieldsTable</name>
    <message>
        <location filename="../../ui/contacts/detail_panel.py" line="-813"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yes/No</source>
        <translation>Ja/Nein</translation>
    </message>
    <message>
        <location line="+181"/>
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
        <location line="+50"/>
        <source>Type of custom field {name}</source>
        <translation>Typ des eigenen Felds {name}</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+21"/>
        <location line="+2"/>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location line="-23"/>
        <location line="+23"/>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Row {row} needs a field name.</source>
        <translation>Zeile {row} braucht einen Feldnamen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“{name}” appears twice.</source>
        <translation>„{name}“ kommt zweimal vor.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>“{name}” must be a number.</source>
        <translation>„{name}“ muss eine Zahl sein.</translation>
    </message>
</context>
<context>
    <name>DateForm</name>
    <message>
        <location filename="../../ui/deals/column_model.py" line="+255"/>
        <location filename="../../ui/i18n.py" line="+219"/>
        <source>d MMM yyyy</source>
        <translation>d. MMM yyyy</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="+1"/>
        <source>d MMM HH:mm</source>
        <translation>d. MMM, HH:mm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>d MMM yyyy HH:mm</source>
        <translation>d. MMM yyyy, HH:mm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>d MMM yyyy, HH:mm</source>
        <translation>d. MMM yyyy, HH:mm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>d MMM yyyy, HH:mm:ss</source>
        <translation>d. MMM yyyy, HH:mm:ss</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/formatting.py" line="-28"/>
        <location filename="../../ui/deals/formatting.py" line="+178"/>
        <source>{day} {month}</source>
        <translation>{day}. {month}</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../ui/deals/formatting.py" line="+1"/>
        <source>{day} {month} {year}</source>
        <translation>{day}. {month} {year}</translation>
    </message>
</context>
<context>
    <name>DealBoard</name>
    <message>
        <location filename="../../ui/deals/board.py" line="+406"/>
        <source>Deal pipeline</source>
        <translation>Deal-Pipeline</translation>
    </message>
</context>
<context>
    <name>DealCardDelegate</name>
    <message>
        <location filename="../../ui/deals/card_delegate.py" line="+368"/>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Stale · {days} d</source>
        <translation>Veraltet · {days} T</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Closes {when}</source>
        <translation>Abschluss {when}</translation>
    </message>
</context>
<context>
    <name>DealColumnModel</name>
    <message>
        <location filename="../../ui/deals/column_model.py" line="-6"/>
        <source>Assigned to {name}</source>
        <translation>Zuständig: {name}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Expected to close {date}</source>
        <translation>Voraussichtlicher Abschluss am {date}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Saving… (waiting in the outbox)</source>
        <translation>Wird gespeichert… (wartet im Postausgang)</translation>
    </message>
</context>
<context>
    <name>DealDialog</name>
    <message>
        <location filename="../../ui/deals/deal_dialog.py" line="+136"/>
        <source>Enter the deal&apos;s value (0 if it is not known yet).</source>
        <translation>Geben Sie den Wert des Deals ein (0, wenn er noch nicht bekannt ist).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The value cannot be negative.</source>
        <translation>Der Wert darf nicht negativ sein.</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+11"/>
        <location line="+12"/>
        <source>“{text}” is not an amount.</source>
        <translation>„{text}“ ist kein Betrag.</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Use at most two decimals (cents).</source>
        <translation>Verwenden Sie höchstens zwei Nachkommastellen (Cent).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The value must be less than {limit}.</source>
        <translation>Der Wert muss kleiner als {limit} sein.</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>New deal</source>
        <translation>Neuer Deal</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit deal</source>
        <translation>Deal bearbeiten</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Deal title</source>
        <translation>Deal-Titel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. Acme — annual plan</source>
        <translation>z. B. Acme — Jahrestarif</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Deal value</source>
        <translation>Deal-Wert</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Value</source>
        <translation>&amp;Wert</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sta&amp;ge</source>
        <translation>&amp;Phase</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search by name, email or company…</source>
        <translation>Nach Name, E-Mail oder Firma suchen…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>C&amp;ontact</source>
        <translation>K&amp;ontakt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Assignee</source>
        <translation>Zuständig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unassigned</source>
        <translation>Nicht zugewiesen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Assignee</source>
        <translation>&amp;Zuständig</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location line="-222"/>
        <source>&amp;Notes</source>
        <translation>&amp;Notizen</translation>
    </message>
    <message>
        <location line="+21"/>
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
        <location line="+110"/>
        <source>Team member #{id}</source>
        <translation>Teammitglied #{id}</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Loading notes…</source>
        <translation>Notizen werden geladen…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The notes could not be loaded (offline?). Anything typed here replaces them.</source>
        <translation>Die Notizen konnten nicht geladen werden (offline?). Was Sie hier eingeben, ersetzt sie.</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>No contact in this workspace matches that.</source>
        <translation>Kein Kontakt in diesem Arbeitsbereich passt dazu.</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Give the deal a title.</source>
        <translation>Geben Sie dem Deal einen Titel.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At most {max} characters ({now} now).</source>
        <translation>Höchstens {max} Zeichen (jetzt {now}).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>“{text}” is not an ISO 4217 currency; choose one from the list.</source>
        <translation>„{text}“ ist keine Währung nach ISO 4217; wählen Sie eine aus der Liste.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose a currency.</source>
        <translation>Wählen Sie eine Währung.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose a contact from the list that opens as you type.</source>
        <translation>Wählen Sie einen Kontakt aus der Liste, die sich beim Tippen öffnet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A deal needs a contact: type a name, email or company and choose one.</source>
        <translation>Ein Deal braucht einen Kontakt: Tippen Sie Name, E-Mail oder Firma und wählen Sie einen.</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>This deal is no longer on this computer (deleted meanwhile?). Copy what you need; it cannot be saved as an edit.</source>
        <translation>Dieser Deal ist nicht mehr auf diesem Computer (inzwischen gelöscht?). Kopieren Sie, was Sie brauchen; als Änderung lässt er sich nicht speichern.</translation>
    </message>
    <message>
        <location line="+52"/>
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
    <message>
        <location line="+41"/>
        <source>Fix the new deal</source>
        <translation>Den neuen Deal korrigieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fix the deal</source>
        <translation>Den Deal korrigieren</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Contact #{id}</source>
        <translation>Kontakt #{id}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The server refused this change.</source>
        <translation>Der Server hat diese Änderung abgelehnt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server did not accept this. Fix what is marked, then save again.</source>
        <translation>Der Server hat das nicht angenommen. Beheben Sie das Markierte und speichern Sie erneut.</translation>
    </message>
</context>
<context>
    <name>DealsPane</name>
    <message>
        <location filename="../../ui/deals/pane.py" line="+70"/>
        <source>Last update</source>
        <translation>Letzte Änderung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close date</source>
        <translation>Abschlussdatum</translation>
    </message>
    <message>
        <location line="+89"/>
        <location line="+41"/>
        <source>Deals</source>
        <translation>Deals</translation>
    </message>
    <message>
        <location line="+8"/>
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
        <location line="+2"/>
        <source>Sort: {label}</source>
        <translation>Sortierung: {label}</translation>
    </message>
    <message>
        <location line="+7"/>
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
        <location line="+71"/>
        <source>Anyone</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unassigned</source>
        <translation>Nicht zugewiesen</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>No deals match</source>
        <translation>Keine passenden Deals</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No deals</source>
        <translation>Keine Deals</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>This is already the last stage.</source>
        <translation>Das ist schon die letzte Phase.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is the first stage.</source>
        <translation>Das ist die erste Phase.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>{quoted} moved to {stage}.</source>
        <translation>{quoted} nach {stage} verschoben.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%Ln deal(s) moved to {stage}.</source>
        <translation>
            <numerusform>%Ln Deal nach {stage} verschoben.</numerusform>
            <numerusform>%Ln Deals nach {stage} verschoben.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>this deal</source>
        <translation>diesen Deal</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The deal editor is not available in this build.</source>
        <translation>Der Deal-Editor ist in diesem Build nicht verfügbar.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This deal is no longer here.</source>
        <translation>Diesen Deal gibt es hier nicht mehr.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Delete the deal {quoted}?</source>
        <translation>Den Deal {quoted} löschen?</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Delete %Ln deals: {names} and {more} more?</source>
        <translation>
            <numerusform>%Ln Deal löschen: {names} und {more} weitere?</numerusform>
            <numerusform>%Ln Deals löschen: {names} und {more} weitere?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Delete %Ln deals: {names}?</source>
        <translation>
            <numerusform>%Ln Deal löschen: {names}?</numerusform>
            <numerusform>%Ln Deals löschen: {names}?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location line="+27"/>
        <source>The deal</source>
        <translation>Der Deal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the server refused it</source>
        <translation>der Server hat sie abgelehnt</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location filename="../../ui/outbox/edit_dialog.py" line="+65"/>
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
    <name>EmailPreview</name>
    <message>
        <location filename="../../ui/campaigns/preview.py" line="+29"/>
        <source>Remote images are hidden to protect your privacy.</source>
        <translation>Externe Bilder werden zum Schutz Ihrer Privatsphäre ausgeblendet.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Nothing to preview yet</source>
        <translation>Noch nichts für die Vorschau</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load images</source>
        <translation>Bilder laden</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/contacts/export_dialog.py" line="+23"/>
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
    <message numerus="yes">
        <location line="+4"/>
        <source>%Ln contact(s) will be exported.</source>
        <translation>
            <numerusform>%Ln Kontakt wird exportiert.</numerusform>
            <numerusform>%Ln Kontakte werden exportiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+52"/>
        <source>Writing %Ln contact(s)…</source>
        <translation>
            <numerusform>%Ln Kontakt wird geschrieben…</numerusform>
            <numerusform>%Ln Kontakte werden geschrieben…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>%Ln contact(s) written to {strip}.</source>
        <translation>
            <numerusform>%Ln Kontakt nach {strip} geschrieben.</numerusform>
            <numerusform>%Ln Kontakte nach {strip} geschrieben.</numerusform>
        </translation>
    </message>
    <message>
        <location line="-61"/>
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
        <location line="+20"/>
        <source>The file could not be written: {exc}</source>
        <translation>Die Datei konnte nicht geschrieben werden: {exc}</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../ui/contacts/import_dialog.py" line="+345"/>
        <source>Choose a CSV file</source>
        <translation>CSV-Datei wählen</translation>
    </message>
    <message>
        <location line="+5"/>
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
        <location line="-9"/>
        <location line="+10"/>
        <source>Encoding</source>
        <translation>Zeichenkodierung</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>The first row names the columns. Nothing is sent before you confirm.</source>
        <translation>Die erste Zeile benennt die Spalten. Nichts wird gesendet, bevor Sie bestätigen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV file</source>
        <translation>CSV-Datei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a file</source>
        <translation>Eine Datei wählen</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+8"/>
        <source>Delimiter</source>
        <translation>Trennzeichen</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>About the file</source>
        <translation>Über die Datei</translation>
    </message>
    <message>
        <location line="+9"/>
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
        <location line="+0"/>
        <source>Resume the selected import</source>
        <translation>Den ausgewählten Import fortsetzen</translation>
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
    <message>
        <location line="+16"/>
        <source>{rows} rows, {columns} columns: </source>
        <translation>{rows} Zeilen, {columns} Spalten: </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(unnamed)</source>
        <translation>(ohne Namen)</translation>
    </message>
</context>
<context>
    <name>FormatBar</name>
    <message>
        <location filename="../../ui/inbox/composer.py" line="-682"/>
        <source>Bold</source>
        <translation>Fett</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Italic</source>
        <translation>Kursiv</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bulleted list</source>
        <translation>Aufzählung</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Numbered list</source>
        <translation>Nummerierte Liste</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Link</source>
        <translation>Link</translation>
    </message>
</context>
<context>
    <name>GroupDialog</name>
    <message>
        <location filename="../../ui/tags_groups/dialogs.py" line="+239"/>
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
    <message>
        <location line="+3"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A group needs a name.</source>
        <translation>Eine Gruppe braucht einen Namen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A group name is at most {max} characters.</source>
        <translation>Ein Gruppenname hat höchstens {max} Zeichen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A description is at most {max} characters.</source>
        <translation>Eine Beschreibung hat höchstens {max} Zeichen.</translation>
    </message>
</context>
<context>
    <name>GroupsModel</name>
    <message>
        <location filename="../../ui/tags_groups/models.py" line="+139"/>
        <source> (not sent yet)</source>
        <translation> (noch nicht gesendet)</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/contacts/import_dialog.py" line="-343"/>
        <source>UTF-8 with BOM</source>
        <translation>UTF-8 mit BOM</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{minutes} min {seconds:02d} s</source>
        <translation>{minutes} min {seconds:02d} s</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{hours} h {minutes:02d} min</source>
        <translation>{hours} h {minutes:02d} min</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>comma</source>
        <translation>Komma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>semicolon</source>
        <translation>Semikolon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tab</source>
        <translation>Tabulator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pipe</source>
        <translation>senkrechter Strich</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+107"/>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location line="-106"/>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Custom field “{key}”</source>
        <translation>Eigenes Feld „{key}“</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ignore</source>
        <translation>Ignorieren</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Not started</source>
        <translation>Nicht gestartet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interrupted</source>
        <translation>Unterbrochen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finished</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <location line="+444"/>
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
        <location line="+8"/>
        <location line="+24"/>
        <source>The file could not be read: {error}</source>
        <translation>Die Datei konnte nicht gelesen werden: {error}</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>The file is empty.</source>
        <translation>Die Datei ist leer.</translation>
    </message>
    <message>
        <location line="+41"/>
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
    <message numerus="yes">
        <location line="+14"/>
        <source>%Ln failed row(s) saved to {path}.</source>
        <translation>
            <numerusform>%Ln fehlgeschlagene Zeile in {path} gespeichert.</numerusform>
            <numerusform>%Ln fehlgeschlagene Zeilen in {path} gespeichert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportMapping</name>
    <message>
        <location filename="../../services/contact_csv.py" line="+194"/>
        <source>email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No column is mapped to {kind}.</source>
        <translation>Keine Spalte ist dem Feld {kind} zugeordnet.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>More than one column is mapped to {kind}.</source>
        <translation>Dem Feld {kind} ist mehr als eine Spalte zugeordnet.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Custom field names are 1 to {most} characters.</source>
        <translation>Namen eigener Felder haben 1 bis {most} Zeichen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Two columns are mapped to the same custom field.</source>
        <translation>Zwei Spalten sind demselben eigenen Feld zugeordnet.</translation>
    </message>
</context>
<context>
    <name>ImportReasons</name>
    <message>
        <location line="+89"/>
        <source>The email is missing.</source>
        <translation>Die E-Mail-Adresse fehlt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The email is not valid: {detail}</source>
        <translation>Die E-Mail-Adresse ist ungültig: {detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The tag {tag} is longer than {most} characters.</source>
        <translation>Das Tag {tag} ist länger als {most} Zeichen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The name is missing.</source>
        <translation>Der Name fehlt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The same email as row {row}.</source>
        <translation>Dieselbe E-Mail-Adresse wie in Zeile {row}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact {id} has this email.</source>
        <translation>Kontakt {id} hat diese E-Mail-Adresse.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{first} {second}</source>
        <translation>{first} {second}</translation>
    </message>
    <message>
        <location filename="../../sync/contact_import.py" line="+98"/>
        <source>Already in the workspace.</source>
        <translation>Schon im Arbeitsbereich.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>group {name}: {reason}</source>
        <translation>Gruppe {name}: {reason}</translation>
    </message>
</context>
<context>
    <name>ImportReport</name>
    <message>
        <location filename="../../services/contact_csv.py" line="+431"/>
        <source>row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>error</source>
        <translation>Fehler</translation>
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
    <name>InboxAnnouncer</name>
    <message>
        <location filename="../../ui/notifications.py" line="+94"/>
        <source>New conversation from {name}</source>
        <translation>Neue Unterhaltung von {name}</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%Ln new conversation(s)</source>
        <translation>
            <numerusform>%Ln neue Unterhaltung</numerusform>
            <numerusform>%Ln neue Unterhaltungen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From {names}…</source>
        <translation>Von {names}…</translation>
    </message>
</context>
<context>
    <name>InboxPane</name>
    <message>
        <location filename="../../ui/inbox/pane.py" line="+143"/>
        <location line="+34"/>
        <source>Inbox</source>
        <translation>Posteingang</translation>
    </message>
    <message>
        <location line="+7"/>
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
        <location line="+18"/>
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
        <location line="+96"/>
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
        <location line="+17"/>
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
        <location line="+234"/>
        <source>Mark as unread</source>
        <translation>Als ungelesen markieren</translation>
    </message>
    <message>
        <location line="-374"/>
        <location line="+377"/>
        <source>Snooze</source>
        <translation>Zurückstellen</translation>
    </message>
    <message>
        <location line="-598"/>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Snoozed</source>
        <translation>Zurückgestellt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>15 seconds</source>
        <translation>15 Sekunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>30 seconds</source>
        <translation>30 Sekunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 minute</source>
        <translation>1 Minute</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>5 minutes</source>
        <translation>5 Minuten</translation>
    </message>
    <message>
        <location line="+126"/>
        <source>Filter by status</source>
        <translation>Nach Status filtern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter by assignee</source>
        <translation>Nach Zuständigen filtern</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Filter by label</source>
        <translation>Nach Label filtern</translation>
    </message>
    <message>
        <location line="+70"/>
        <location line="+375"/>
        <location line="+78"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location line="-453"/>
        <location line="+455"/>
        <source>Close (E)</source>
        <translation>Schließen (E)</translation>
    </message>
    <message>
        <location line="-447"/>
        <source>Assign</source>
        <translation>Zuweisen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Mark unread</source>
        <translation>Ungelesen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mark as unread (U)</source>
        <translation>Als ungelesen markieren (U)</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>For an hour</source>
        <translation>Für eine Stunde</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Until tomorrow morning</source>
        <translation>Bis morgen früh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Until Monday morning</source>
        <translation>Bis Montag früh</translation>
    </message>
    <message>
        <location line="+133"/>
        <source>Mine</source>
        <translation>Meine</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+205"/>
        <source>Unassigned</source>
        <translation>Nicht zugewiesen</translation>
    </message>
    <message>
        <location line="-204"/>
        <source>Anyone</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>All labels</source>
        <translation>Alle Labels</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>No conversation matches this search.</source>
        <translation>Keine Unterhaltung passt zu dieser Suche.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing unread here. 🎉</source>
        <translation>Hier ist nichts ungelesen. 🎉</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No open conversations. When a customer writes, it shows here.</source>
        <translation>Keine offenen Unterhaltungen. Schreibt ein Kunde, erscheint es hier.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No conversations here.</source>
        <translation>Hier gibt es keine Unterhaltungen.</translation>
    </message>
    <message>
        <location line="+48"/>
        <location line="+78"/>
        <source>Reopen</source>
        <translation>Wieder öffnen</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Snoozed until {when}</source>
        <translation>Zurückgestellt bis {when}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Snoozed until the customer writes</source>
        <translation>Zurückgestellt, bis der Kunde schreibt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Assigned to {name}</source>
        <translation>Zugewiesen an {name}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>changes waiting to be sent</source>
        <translation>Änderungen warten auf das Senden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reopen (E)</source>
        <translation>Wieder öffnen (E)</translation>
    </message>
    <message>
        <location line="+17"/>
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
        <location filename="../../ui/inbox/composer.py" line="-138"/>
        <source>Enter a web address or an email address.</source>
        <translation>Geben Sie eine Webadresse oder eine E-Mail-Adresse ein.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A link cannot contain spaces.</source>
        <translation>Ein Link darf keine Leerzeichen enthalten.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Only web (http, https) and email (mailto) links can be added.</source>
        <translation>Nur Web-Links (http, https) und E-Mail-Links (mailto) lassen sich einfügen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Edit link</source>
        <translation>Link bearbeiten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Insert link</source>
        <translation>Link einfügen</translation>
    </message>
    <message>
        <location line="+6"/>
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
        <location filename="../../ui/deals/pane.py" line="-631"/>
        <source>Mark as lost</source>
        <translation>Als verloren markieren</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>these {count} deals</source>
        <translation>diese {count} Deals</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location filename="../../ui/contacts/import_dialog.py" line="-437"/>
        <source>Map the columns</source>
        <translation>Spalten zuordnen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pick a column, then the field it fills. Columns not named after a field become custom fields.</source>
        <translation>Wählen Sie eine Spalte und dann das Feld, das sie füllt. Spalten, die nicht nach einem Feld benannt sind, werden zu eigenen Feldern.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Column of the file</source>
        <translation>Spalte der Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Field it fills</source>
        <translation>Feld, das sie füllt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ignore</source>
        <translation>Ignorieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Custom field</source>
        <translation>Eigenes Feld</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom field name</source>
        <translation>Name des eigenen Felds</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Separator of tags and groups</source>
        <translation>Trennzeichen für Tags und Gruppen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mapping problems</source>
        <translation>Probleme der Zuordnung</translation>
    </message>
    <message>
        <location line="+3"/>
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
    <message>
        <location line="+18"/>
        <source>Column {number}</source>
        <translation>Spalte {number}</translation>
    </message>
</context>
<context>
    <name>MembersModel</name>
    <message>
        <location filename="../../ui/tags_groups/models.py" line="+13"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
</context>
<context>
    <name>MessageHtml</name>
    <message>
        <location filename="../../services/message_html.py" line="+29"/>
        <source>[image blocked: {alt}]</source>
        <translation>[Bild blockiert: {alt}]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>[image blocked]</source>
        <translation>[Bild blockiert]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remote image from {host}, not loaded</source>
        <translation>Externes Bild von {host}, nicht geladen</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <location filename="../../ui/navigation.py" line="+101"/>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
</context>
<context>
    <name>OperationEditDialog</name>
    <message>
        <location filename="../../ui/outbox/edit_dialog.py" line="-143"/>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
</context>
<context>
    <name>OutboxFields</name>
    <message>
        <location filename="../../services/outbox_view.py" line="+68"/>
        <source>groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>custom fields</source>
        <translation>eigene Felder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected close date</source>
        <translation>erwartetes Abschlussdatum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>assignee</source>
        <translation>Zuständige(r)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>snooze time</source>
        <translation>Zurückstellzeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>recipients</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sending account</source>
        <translation>Absendekonto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>from address</source>
        <translation>Absenderadresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>from name</source>
        <translation>Absendername</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>colour</source>
        <translation>Farbe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cc</source>
        <translation>Cc</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bcc</source>
        <translation>Bcc</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <location filename="../../ui/outbox/model.py" line="+97"/>
        <source>Just now</source>
        <translation>Gerade eben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A minute ago</source>
        <translation>Vor einer Minute</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{minutes} minutes ago</source>
        <translation>Vor {minutes} Minuten</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>An hour ago</source>
        <translation>Vor einer Stunde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{hours} hours ago</source>
        <translation>Vor {hours} Stunden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Yesterday {clock}</source>
        <translation>Gestern {clock}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Made</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
</context>
<context>
    <name>OutboxNouns</name>
    <message>
        <location filename="../../services/outbox_view.py" line="+4"/>
        <source>contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>deal</source>
        <translation>Deal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>deals</source>
        <translation>Deals</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>conversations</source>
        <translation>Unterhaltungen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>campaigns</source>
        <translation>Kampagnen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>webhooks</source>
        <translation>Webhooks</translation>
    </message>
</context>
<context>
    <name>OutboxPane</name>
    <message>
        <location filename="../../ui/outbox/pane.py" line="+58"/>
        <source>Nothing waiting. Changes you make offline wait here until they can be sent.</source>
        <translation>Nichts wartet. Änderungen, die Sie offline machen, warten hier, bis sie gesendet werden können.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>It goes out as soon as the server can be reached.</source>
        <translation>Sie geht raus, sobald der Server erreichbar ist.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It is being sent now.</source>
        <translation>Sie wird gerade gesendet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read what changed, then send it as it is, edit it, or discard it.</source>
        <translation>Lesen Sie, was sich geändert hat; senden Sie es dann unverändert, bearbeiten oder verwerfen Sie es.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server refused it, so this computer shows the server&apos;s version again. Edit it and it is sent again, or discard it.</source>
        <translation>Der Server hat sie abgelehnt, daher zeigt dieser Computer wieder die Version des Servers. Bearbeiten Sie sie, dann wird sie erneut gesendet, oder verwerfen Sie sie.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>It is not sent until the edit is saved. Retry now sends it as it was.</source>
        <translation>Sie wird erst gesendet, wenn die Bearbeitung gespeichert ist. „Jetzt erneut versuchen“ sendet sie unverändert.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server may have it already. Retry now sends it again; Discard forgets it.</source>
        <translation>Der Server hat sie vielleicht schon. „Jetzt erneut versuchen“ sendet sie noch einmal; „Verwerfen“ vergisst sie.</translation>
    </message>
    <message>
        <location line="+57"/>
        <location line="+6"/>
        <source>Outbox</source>
        <translation>Postausgang</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Changes waiting to be sent</source>
        <translation>Änderungen, die auf das Senden warten</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+366"/>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <location line="-359"/>
        <location line="+31"/>
        <source>Retry now</source>
        <translation>Jetzt erneut versuchen</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>The selected change</source>
        <translation>Die ausgewählte Änderung</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Send the selected changes now</source>
        <translation>Die ausgewählten Änderungen jetzt senden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change what the selected change sends</source>
        <translation>Ändern, was die ausgewählte Änderung sendet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send as is</source>
        <translation>Unverändert senden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send the held reply without changing it</source>
        <translation>Die zurückgehaltene Antwort unverändert senden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Discard…</source>
        <translation>Verwerfen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Drop the selected changes without sending them</source>
        <translation>Die ausgewählten Änderungen verwerfen, ohne sie zu senden</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>All changes have been sent.</source>
        <translation>Alle Änderungen wurden gesendet.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln change(s) not sent yet</source>
        <translation>
            <numerusform>%Ln Änderung noch nicht gesendet</numerusform>
            <numerusform>%Ln Änderungen noch nicht gesendet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
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
        <location line="+15"/>
        <location line="+5"/>
        <source>made {when}</source>
        <translation>erstellt {when}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <location line="+27"/>
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
        <location line="+16"/>
        <source>Discard “{what}”?</source>
        <translation>„{what}“ verwerfen?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It will not be sent; this computer shows the server&apos;s version again.</source>
        <translation>Sie wird nicht gesendet; dieser Computer zeigt wieder die Version des Servers.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Discard %Ln change(s)?</source>
        <translation>
            <numerusform>%Ln Änderung verwerfen?</numerusform>
            <numerusform>%Ln Änderungen verwerfen?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>They will not be sent; this computer shows the server&apos;s versions again.</source>
        <translation>Sie werden nicht gesendet; dieser Computer zeigt wieder die Versionen des Servers.</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>This includes %Ln later change(s) to something created offline, which will not exist without it.</source>
        <translation>
            <numerusform>Dazu gehört %Ln spätere Änderung an etwas offline Angelegtem, das es ohne sie nicht geben wird.</numerusform>
            <numerusform>Dazu gehören %Ln spätere Änderungen an etwas offline Angelegtem, das es ohne sie nicht geben wird.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A change being sent right now may already have reached the server.</source>
        <translation>Eine Änderung, die gerade gesendet wird, hat den Server vielleicht schon erreicht.</translation>
    </message>
    <message>
        <location line="+2"/>
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
    <name>OutboxStates</name>
    <message>
        <location filename="../../services/outbox_view.py" line="-75"/>
        <source>Queued</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sending</source>
        <translation>Wird gesendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Held for review</source>
        <translation>Zur Prüfung zurückgehalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs attention</source>
        <translation>Braucht Aufmerksamkeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Being edited</source>
        <translation>Wird bearbeitet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome unknown</source>
        <translation>Ergebnis unbekannt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
</context>
<context>
    <name>OutboxView</name>
    <message>
        <location line="+91"/>
        <location line="+22"/>
        <source>{first}, {second}</source>
        <translation>{first}, {second}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{first} and {last}</source>
        <translation>{first} und {last}</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>{noun} {name}</source>
        <translation>{noun} {name}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a new {noun}</source>
        <translation>{noun} (neu)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a {noun}</source>
        <translation>{noun}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{noun} #{id}</source>
        <translation>{noun} #{id}</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+128"/>
        <source>Create {target}</source>
        <translation>{target} anlegen</translation>
    </message>
    <message>
        <location line="-127"/>
        <location line="+104"/>
        <source>Edit {target}</source>
        <translation>{target} bearbeiten</translation>
    </message>
    <message>
        <location line="-103"/>
        <location line="+36"/>
        <source>Delete {target}</source>
        <translation>{target} löschen</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Reply in {target}</source>
        <translation>Antwort in {target}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reply to {subject} ({who})</source>
        <translation>Antwort auf {subject} ({who})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reply to {subject}</source>
        <translation>Antwort auf {subject}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Move {target} to Lost ({reason})</source>
        <translation>{target} nach Verloren verschieben ({reason})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move {target} to Lost</source>
        <translation>{target} nach Verloren verschieben</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Move {target} to {stage}, and change {fields}</source>
        <translation>{target} nach {stage} verschieben und {fields} ändern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move {target} to {stage}</source>
        <translation>{target} nach {stage} verschieben</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Send {target}</source>
        <translation>{target} senden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unschedule {target}</source>
        <translation>Planung von {target} aufheben</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Schedule {target} for {when}</source>
        <translation>{target} für {when} planen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rename tag to {name}</source>
        <translation>Tag in {name} umbenennen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rename group to {name}</source>
        <translation>Gruppe in {name} umbenennen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recolour {target}</source>
        <translation>Farbe von {target} ändern</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a contact</source>
        <translation>einen Kontakt</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+157"/>
        <source>{count} contacts</source>
        <translation>{count} Kontakte</translation>
    </message>
    <message>
        <location line="-152"/>
        <source>Add {who} to {group}</source>
        <translation>{who} zu {group} hinzufügen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove {who} from {group}</source>
        <translation>{who} aus {group} entfernen</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+79"/>
        <source>Edit {target}: {fields}</source>
        <translation>{target} bearbeiten: {fields}</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>Create contact {name} ({email})</source>
        <translation>Kontakt {name} ({email}) anlegen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Create contact {name}</source>
        <translation>Kontakt {name} anlegen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Create {noun} {name}</source>
        <translation>{noun} {name} anlegen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Close {target}</source>
        <translation>{target} schließen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reopen {target}</source>
        <translation>{target} wieder öffnen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Snooze {target} until {when}</source>
        <translation>{target} bis {when} zurückstellen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Snooze {target}</source>
        <translation>{target} zurückstellen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unassign {target}</source>
        <translation>Zuweisung von {target} aufheben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unassign it</source>
        <translation>Zuweisung aufheben</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a team member</source>
        <translation>ein Teammitglied</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Assign {target} to {who}</source>
        <translation>{target} an {who} zuweisen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>assign it to {who}</source>
        <translation>an {who} zuweisen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set the labels of {target} to {labels}</source>
        <translation>Labels von {target} auf {labels} setzen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>relabel it</source>
        <translation>Labels ändern</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>change {fields}</source>
        <translation>{fields} ändern</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Change {target}</source>
        <translation>{target} ändern</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Create {count} {things}</source>
        <translation>{count} {things} anlegen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change {count} {things}</source>
        <translation>{count} {things} ändern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete {count} {things}</source>
        <translation>{count} {things} löschen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} replies</source>
        <translation>{count} Antworten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send {count} {things}</source>
        <translation>{count} {things} senden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add members to {count} {things}</source>
        <translation>Mitglieder zu {count} {things} hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove members from {count} {things}</source>
        <translation>Mitglieder aus {count} {things} entfernen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} changes to {things}</source>
        <translation>{count} Änderungen an {things}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{shown} and 1 other kind of change</source>
        <translation>{shown} und eine weitere Art von Änderung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{shown} and {left} other kinds of change</source>
        <translation>{shown} und {left} weitere Arten von Änderungen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no</source>
        <translation>nein</translation>
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
    <name>PreviewModel</name>
    <message>
        <location filename="../../ui/contacts/import_dialog.py" line="-313"/>
        <source>Column {number}</source>
        <translation>Spalte {number}</translation>
    </message>
</context>
<context>
    <name>ReplyComposer</name>
    <message>
        <location filename="../../ui/inbox/composer.py" line="-415"/>
        <source>Write a reply… (Ctrl+Enter to send, / for canned replies)</source>
        <translation>Antwort schreiben… (Strg+Enter zum Senden, / für Textbausteine)</translation>
    </message>
    <message>
        <location line="+243"/>
        <source>{address} is not a valid address</source>
        <translation>{address} ist keine gültige Adresse</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{addresses} and {last} are not valid addresses</source>
        <translation>{addresses} und {last} sind keine gültigen Adressen</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <location filename="../../ui/contacts/import_dialog.py" line="+476"/>
        <location line="+1"/>
        <source>Import report</source>
        <translation>Importbericht</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save failed rows as CSV…</source>
        <translation>Fehlgeschlagene Zeilen als CSV speichern…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save failed rows as CSV</source>
        <translation>Fehlgeschlagene Zeilen als CSV speichern</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rows that failed</source>
        <translation>Fehlgeschlagene Zeilen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The import is finished.</source>
        <translation>Der Import ist abgeschlossen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The import was cancelled; resume it from the list of past imports.</source>
        <translation>Der Import wurde abgebrochen; setzen Sie ihn in der Liste der bisherigen Importe fort.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The import stopped: {why}</source>
        <translation>Der Import wurde angehalten: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it can be resumed from the list of past imports.</source>
        <translation>Er kann in der Liste der bisherigen Importe fortgesetzt werden.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{state}
{created} created, {updated} updated, {unchanged} unchanged, {skipped} skipped, {failed} failed, {unfinished} not sent yet (of {total}).</source>
        <translation>{state}
{created} angelegt, {updated} aktualisiert, {unchanged} unverändert, {skipped} übersprungen, {failed} fehlgeschlagen, {unfinished} noch nicht gesendet (von {total}).</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <location line="-88"/>
        <source>Importing</source>
        <translation>Import läuft</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import progress</source>
        <translation>Importfortschritt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Import status</source>
        <translation>Importstatus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rate and time left</source>
        <translation>Tempo und Restzeit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel import</source>
        <translation>Import abbrechen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel the import</source>
        <translation>Den Import abbrechen</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{finished} of {total}: {done} imported, {failed} failed, {skipped} skipped</source>
        <translation>{finished} von {total}: {done} importiert, {failed} fehlgeschlagen, {skipped} übersprungen</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{rate} rows per second, about {duration} left{waiting}</source>
        <translation>{rate} Zeilen pro Sekunde, noch etwa {duration}{waiting}</translation>
    </message>
    <message>
        <location line="-7"/>
        <source> — the server asked to slow down; next try in {duration}</source>
        <translation> — der Server bittet um Drosselung; nächster Versuch in {duration}</translation>
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
    <message>
        <location filename="../../ui/contacts/pane.py" line="-989"/>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Search name, email and company</source>
        <translation>Name, E-Mail und Firma durchsuchen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New contact</source>
        <translation>Neuer Kontakt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the selected contacts (asks first)</source>
        <translation>Die ausgewählten Kontakte löschen (mit Rückfrage)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select the contacts shown</source>
        <translation>Die angezeigten Kontakte auswählen</translation>
    </message>
    <message>
        <location filename="../../ui/tags_groups/pane.py" line="+128"/>
        <source>Tags &amp; Groups</source>
        <translation>Tags &amp; Gruppen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>New tag, or new group when the groups list has focus</source>
        <translation>Neues Tag, oder neue Gruppe, wenn die Gruppenliste den Fokus hat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rename the tag or edit the group</source>
        <translation>Das Tag umbenennen oder die Gruppe bearbeiten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delete the tag or group (asks first); remove members</source>
        <translation>Das Tag oder die Gruppe löschen (mit Rückfrage); Mitglieder entfernen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search contacts to add to the group</source>
        <translation>Kontakte suchen, die zur Gruppe hinzukommen</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/pane.py" line="-547"/>
        <source>Campaigns</source>
        <translation>Kampagnen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New campaign</source>
        <translation>Neue Kampagne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search campaign names and subjects</source>
        <translation>Kampagnennamen und Betreffzeilen durchsuchen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Edit the selected draft or scheduled campaign</source>
        <translation>Den ausgewählten Entwurf oder die geplante Kampagne bearbeiten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete the selected draft (asks first)</source>
        <translation>Den ausgewählten Entwurf löschen (mit Rückfrage)</translation>
    </message>
    <message>
        <location filename="../../ui/deals/pane.py" line="+22"/>
        <source>Deals</source>
        <translation>Deals</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New deal</source>
        <translation>Neuer Deal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search deal titles and contacts</source>
        <translation>Deal-Titel und Kontakte durchsuchen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the selected deal</source>
        <translation>Den ausgewählten Deal öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the selected deals (asks first)</source>
        <translation>Die ausgewählten Deals löschen (mit Rückfrage)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Move the selected deals to the next stage</source>
        <translation>Die ausgewählten Deals in die nächste Phase verschieben</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Move the selected deals to the previous stage</source>
        <translation>Die ausgewählten Deals in die vorige Phase verschieben</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/pane.py" line="-778"/>
        <source>Inbox</source>
        <translation>Posteingang</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Next / previous conversation</source>
        <translation>Nächste / vorige Unterhaltung</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close the conversation (reopen a closed one)</source>
        <translation>Die Unterhaltung schließen (eine geschlossene wieder öffnen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write a reply</source>
        <translation>Eine Antwort schreiben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark as unread</source>
        <translation>Als ungelesen markieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send the reply</source>
        <translation>Die Antwort senden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>In the reply: insert a canned reply by its shortcut</source>
        <translation>In der Antwort: einen Textbaustein über sein Kürzel einfügen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search subject, contact and labels</source>
        <translation>Betreff, Kontakt und Labels durchsuchen</translation>
    </message>
    <message>
        <location filename="../../ui/outbox/pane.py" line="-478"/>
        <source>Outbox</source>
        <translation>Postausgang</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Discard the selected changes (asks first)</source>
        <translation>Die ausgewählten Änderungen verwerfen (mit Rückfrage)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry the selected changes now</source>
        <translation>Die ausgewählten Änderungen jetzt erneut versuchen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit the selected change</source>
        <translation>Die ausgewählte Änderung bearbeiten</translation>
    </message>
    <message>
        <location filename="../../ui/webhooks/pane.py" line="+94"/>
        <source>Webhooks</source>
        <translation>Webhooks</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New webhook</source>
        <translation>Neuer Webhook</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the webhook (asks first)</source>
        <translation>Den Webhook löschen (mit Rückfrage)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh the list from the server</source>
        <translation>Die Liste vom Server aktualisieren</translation>
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
        <location filename="../../ui/signin_dialog.py" line="+52"/>
        <source>Contacts, Tags &amp; Groups</source>
        <translation>Kontakte, Tags &amp; Gruppen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inbox</source>
        <translation>Posteingang</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <source>Webhooks</source>
        <translation>Webhooks</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Enter the server&apos;s address, like https://crm.example.com.</source>
        <translation>Geben Sie die Adresse des Servers ein, etwa https://crm.example.com.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>“{text}” is not a web address.</source>
        <translation>„{text}“ ist keine Webadresse.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“{text}” is not a web address; use one like https://crm.example.com.</source>
        <translation>„{text}“ ist keine Webadresse; verwenden Sie eine wie https://crm.example.com.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Enter the server&apos;s address only, without a query or a user name.</source>
        <translation>Geben Sie nur die Adresse des Servers ein, ohne Abfrage oder Benutzernamen.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>This token lacks the {names} scope, so {features} is turned off.</source>
        <translation>Diesem Token fehlt der Bereich {names}, daher ist {features} ausgeschaltet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This token lacks the {names} scopes, so {features} are turned off.</source>
        <translation>Diesem Token fehlen die Bereiche {names}, daher sind {features} ausgeschaltet.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>{host} did not accept this token: check that it was copied whole and has not been revoked.</source>
        <translation>{host} hat dieses Token nicht akzeptiert: Prüfen Sie, ob es vollständig kopiert und nicht widerrufen wurde.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This token lacks the {scope} scope that signing in needs; ask for a token with more scopes.</source>
        <translation>Diesem Token fehlt der Bereich {scope}, den die Anmeldung braucht; fordern Sie ein Token mit mehr Bereichen an.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This token lacks a permission that signing in needs; ask for a token with more scopes.</source>
        <translation>Diesem Token fehlt eine Berechtigung, die die Anmeldung braucht; fordern Sie ein Token mit mehr Bereichen an.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{host} did not answer in time: check the address and try again.</source>
        <translation>{host} hat nicht rechtzeitig geantwortet: Prüfen Sie die Adresse und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not reach {host}: check the address and your network connection.</source>
        <translation>{host} ist nicht erreichbar: Prüfen Sie die Adresse und Ihre Netzwerkverbindung.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{host} redirects elsewhere (status {status}): enter the address it redirects to (perhaps with https://).</source>
        <translation>{host} leitet weiter (Status {status}): Geben Sie die Zieladresse der Weiterleitung ein (vielleicht mit https://).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{host} is busy (too many requests): try again in a minute.</source>
        <translation>{host} ist ausgelastet (zu viele Anfragen): Versuchen Sie es in einer Minute erneut.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{host} had a problem (status {status}): try again later.</source>
        <translation>{host} hatte ein Problem (Status {status}): Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{url} answered, but not as a MailTrixy server: check the address (it is the part before /api/v1).</source>
        <translation>{url} hat geantwortet, aber nicht als MailTrixy-Server: Prüfen Sie die Adresse (es ist der Teil vor /api/v1).</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Sign in to MailTrixy</source>
        <translation>Bei MailTrixy anmelden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add a workspace</source>
        <translation>Arbeitsbereich hinzufügen</translation>
    </message>
    <message>
        <location line="+12"/>
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
        <location line="+11"/>
        <source>This computer has no secure keyring ({reason}), so the token cannot be saved.</source>
        <translation>Dieser Computer hat keinen sicheren Schlüsselbund ({reason}), daher kann das Token nicht gespeichert werden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This computer has no secure keyring, so the token cannot be saved.</source>
        <translation>Dieser Computer hat keinen sicheren Schlüsselbund, daher kann das Token nicht gespeichert werden.</translation>
    </message>
    <message>
        <location line="+4"/>
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
        <location line="+78"/>
        <source>The connection to {host} would not be encrypted (http://), so the token could be read on the way; tick “Use this unencrypted connection anyway” to go on, or use https://.</source>
        <translation>Die Verbindung zu {host} wäre nicht verschlüsselt (http://), das Token könnte also unterwegs mitgelesen werden; haken Sie „Diese unverschlüsselte Verbindung trotzdem verwenden“ an, um fortzufahren, oder verwenden Sie https://.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Enter the API token.</source>
        <translation>Geben Sie das API-Token ein.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checking {host}…</source>
        <translation>{host} wird geprüft…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The check failed unexpectedly ({error}).</source>
        <translation>Die Prüfung ist unerwartet fehlgeschlagen ({error}).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This token has none of the scopes the app needs ({scopes}): ask for a token with at least contacts.</source>
        <translation>Dieses Token hat keinen der Bereiche, die die App braucht ({scopes}): Fordern Sie ein Token mit mindestens contacts an.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The server does not say which scopes this token has.</source>
        <translation>Der Server sagt nicht, welche Bereiche dieses Token hat.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(turned off)</source>
        <translation>(ausgeschaltet)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>granted</source>
        <translation>gewährt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not granted</source>
        <translation>nicht gewährt</translation>
    </message>
    <message>
        <location line="+14"/>
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
        <location filename="../../ui/inbox/pane.py" line="-51"/>
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
        <location filename="../../ui/deals/board.py" line="-239"/>
        <source>{title} column</source>
        <translation>Spalte {title}</translation>
    </message>
    <message>
        <location line="+38"/>
        <location line="+1"/>
        <location line="+75"/>
        <source>Fold the {title} column</source>
        <translation>Spalte {title} einklappen</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Total {amounts}</source>
        <translation>Summe {amounts}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No value</source>
        <translation>Kein Wert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Total value per currency</source>
        <translation>Gesamtwert je Währung</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Unfold the {title} column</source>
        <translation>Spalte {title} aufklappen</translation>
    </message>
</context>
<context>
    <name>Stages</name>
    <message>
        <location filename="../../services/outbox_view.py" line="-404"/>
        <location filename="../../ui/deals/formatting.py" line="-156"/>
        <source>Lead</source>
        <translation>Lead</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/deals/formatting.py" line="+1"/>
        <source>Qualified</source>
        <translation>Qualifiziert</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/deals/formatting.py" line="+1"/>
        <source>Proposal</source>
        <translation>Angebot</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/deals/formatting.py" line="+1"/>
        <source>Negotiation</source>
        <translation>Verhandlung</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/deals/formatting.py" line="+1"/>
        <source>Won</source>
        <translation>Gewonnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/deals/formatting.py" line="+1"/>
        <source>Lost</source>
        <translation>Verloren</translation>
    </message>
</context>
<context>
    <name>StatsChart</name>
    <message>
        <location filename="../../ui/campaigns/chart.py" line="+31"/>
        <source>Recipients</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivered</source>
        <translation>Zugestellt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opened</source>
        <translation>Geöffnet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clicked</source>
        <translation>Geklickt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bounced</source>
        <translation>Unzustellbar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unsubscribed</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Campaign statistics</source>
        <translation>Kampagnenstatistik</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reached</source>
        <translation>Erreicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lost</source>
        <translation>Verloren</translation>
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
        <location line="+2"/>
        <source>Not synced yet</source>
        <translation>Noch nicht synchronisiert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Last sync: {when}</source>
        <translation>Letzte Synchronisierung: {when}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sync: {text}</source>
        <translation>Synchronisierung: {text}</translation>
    </message>
</context>
<context>
    <name>TagDialog</name>
    <message>
        <location filename="../../ui/tags_groups/dialogs.py" line="-217"/>
        <source>A tag needs a name.</source>
        <translation>Ein Tag braucht einen Namen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tag names are lowercase, without spaces, at most {max} characters (for example “{example}”).</source>
        <translation>Tag-Namen sind kleingeschrieben, ohne Leerzeichen und höchstens {max} Zeichen lang (zum Beispiel „{example}“).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>There is already a tag called “{name}”.</source>
        <translation>Es gibt schon ein Tag namens „{name}“.</translation>
    </message>
    <message>
        <location line="+115"/>
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
    <message>
        <location line="+9"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colour</source>
        <translation>Farbe</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Chosen by the server</source>
        <translation>Vom Server gewählt</translation>
    </message>
</context>
<context>
    <name>TagEditor</name>
    <message>
        <location filename="../../ui/contacts/detail_panel.py" line="-194"/>
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
    <name>TagsGroupsDelegate</name>
    <message>
        <location filename="../../ui/tags_groups/delegates.py" line="+62"/>
        <source> · not sent</source>
        <translation> · nicht gesendet</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>No description</source>
        <translation>Keine Beschreibung</translation>
    </message>
</context>
<context>
    <name>TagsGroupsPane</name>
    <message>
        <location filename="../../ui/tags_groups/pane.py" line="+6"/>
        <source>Tags and groups</source>
        <translation>Tags und Gruppen</translation>
    </message>
    <message>
        <location line="+48"/>
        <location line="+22"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Contact groups</source>
        <translation>Kontaktgruppen</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Find a contact to add to the group</source>
        <translation>Einen Kontakt suchen, der zur Gruppe hinzukommt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add contacts: type a name or email…</source>
        <translation>Kontakte hinzufügen: Name oder E-Mail eingeben…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Members of the group</source>
        <translation>Mitglieder der Gruppe</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+7"/>
        <source>Remove from group</source>
        <translation>Aus Gruppe entfernen</translation>
    </message>
    <message>
        <location line="+107"/>
        <location line="+1"/>
        <source>None yet</source>
        <translation>Noch keine</translation>
    </message>
    <message>
        <location line="-167"/>
        <location line="+215"/>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <location line="-278"/>
        <source>No tags yet.
Tags label contacts; make one with New tag.</source>
        <translation>Noch keine Tags.
Tags kennzeichnen Kontakte; legen Sie eines mit „Neues Tag“ an.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>New tag…</source>
        <translation>Neues Tag…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Create a tag</source>
        <translation>Ein Tag anlegen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rename the tag</source>
        <translation>Das Tag umbenennen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colour…</source>
        <translation>Farbe…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change the tag&apos;s colour</source>
        <translation>Die Farbe des Tags ändern</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+36"/>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>Delete the tag</source>
        <translation>Das Tag löschen</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>No groups yet.
Groups are lists of contacts, such as campaign recipients.</source>
        <translation>Noch keine Gruppen.
Gruppen sind Listen von Kontakten, etwa die Empfänger einer Kampagne.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>New group…</source>
        <translation>Neue Gruppe…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Create a group</source>
        <translation>Eine Gruppe anlegen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit the group&apos;s name and description</source>
        <translation>Name und Beschreibung der Gruppe bearbeiten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete the group</source>
        <translation>Die Gruppe löschen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Add to group</source>
        <translation>Zur Gruppe hinzufügen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add the contact found by the search to the group</source>
        <translation>Den gefundenen Kontakt zur Gruppe hinzufügen</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Remove the selected contacts from the group</source>
        <translation>Die ausgewählten Kontakte aus der Gruppe entfernen</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <location line="+122"/>
        <source>Choose a group to see and change its members.</source>
        <translation>Wählen Sie eine Gruppe, um ihre Mitglieder zu sehen und zu ändern.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Members of {name}</source>
        <translation>Mitglieder von {name}</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%Ln member(s) not on this computer yet</source>
        <translation>
            <numerusform>%Ln Mitglied noch nicht auf diesem Computer</numerusform>
            <numerusform>%Ln Mitglieder noch nicht auf diesem Computer</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No members yet.
Find contacts with the search above to add them.</source>
        <translation>Noch keine Mitglieder.
Suchen Sie oben nach Kontakten, um sie hinzuzufügen.</translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <source>%Ln contact(s) selected</source>
        <translation>
            <numerusform>%Ln Kontakt ausgewählt</numerusform>
            <numerusform>%Ln Kontakte ausgewählt</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New tag</source>
        <translation>Neues Tag</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+29"/>
        <source>The tag “{name}”</source>
        <translation>Das Tag „{name}“</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Edit tag</source>
        <translation>Tag bearbeiten</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Colour of “{name}”</source>
        <translation>Farbe von „{name}“</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The colour of “{name}”</source>
        <translation>Die Farbe von „{name}“</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>Delete the tag “{name}”? It is on %Ln contact(s); they keep everything else.</source>
        <translation>
            <numerusform>Das Tag „{name}“ löschen? Es hängt an %Ln Kontakt; der behält alles andere.</numerusform>
            <numerusform>Das Tag „{name}“ löschen? Es hängt an %Ln Kontakten; sie behalten alles andere.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Delete the tag “{name}”? No contact carries it.</source>
        <translation>Das Tag „{name}“ löschen? Kein Kontakt trägt es.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete tag</source>
        <translation>Tag löschen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Deleted the tag “{name}”.</source>
        <translation>Tag „{name}“ gelöscht.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>New group</source>
        <translation>Neue Gruppe</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+26"/>
        <source>The group “{name}”</source>
        <translation>Die Gruppe „{name}“</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Edit group</source>
        <translation>Gruppe bearbeiten</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Delete group</source>
        <translation>Gruppe löschen</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Delete the group “{name}”? Its %Ln member(s) stay contacts; only the group goes.</source>
        <translation>
            <numerusform>Die Gruppe „{name}“ löschen? Ihr %Ln Mitglied bleibt Kontakt; nur die Gruppe verschwindet.</numerusform>
            <numerusform>Die Gruppe „{name}“ löschen? Ihre %Ln Mitglieder bleiben Kontakte; nur die Gruppe verschwindet.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Delete the group “{name}”? It has no members.</source>
        <translation>Die Gruppe „{name}“ löschen? Sie hat keine Mitglieder.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Deleted the group “{name}”.</source>
        <translation>Gruppe „{name}“ gelöscht.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>{plural} match; choose one from the list.</source>
        <translation>{plural} passen; wählen Sie einen aus der Liste.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No contact matches that search (or they are all members).</source>
        <translation>Kein Kontakt passt zu dieser Suche (oder alle sind schon Mitglieder).</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The contact</source>
        <translation>Der Kontakt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Added {name} to “{name2}”.</source>
        <translation>{name} zu „{name2}“ hinzugefügt.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Removed {plural} from “{name}”.</source>
        <translation>{plural} aus „{name}“ entfernt.</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>the server refused it</source>
        <translation>der Server hat sie abgelehnt</translation>
    </message>
    <message>
        <location line="-497"/>
        <location line="+418"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Saved on this computer; it is sent when the connection returns.</source>
        <translation>Auf diesem Computer gespeichert; wird gesendet, sobald die Verbindung zurück ist.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>The server refused this change.</source>
        <translation>Der Server hat diese Änderung abgelehnt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{what} was not saved: {value}</source>
        <translation>{what} wurde nicht gespeichert: {value}</translation>
    </message>
</context>
<context>
    <name>TagsModel</name>
    <message>
        <location filename="../../ui/tags_groups/models.py" line="-40"/>
        <source>{name} — on {contacts}</source>
        <translation>{name} — {contacts}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (not sent yet)</source>
        <translation> (noch nicht gesendet)</translation>
    </message>
</context>
<context>
    <name>ThreadView</name>
    <message>
        <location filename="../../ui/inbox/thread_view.py" line="+41"/>
        <source>Select a conversation to read it</source>
        <translation>Wählen Sie eine Unterhaltung, um sie zu lesen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No messages in this conversation yet</source>
        <translation>Noch keine Nachrichten in dieser Unterhaltung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remote images are hidden to protect your privacy.</source>
        <translation>Externe Bilder werden zum Schutz Ihrer Privatsphäre ausgeblendet.</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Today, {clock}</source>
        <translation>Heute, {clock}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Yesterday, {clock}</source>
        <translation>Gestern, {clock}</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Send as is</source>
        <translation>Unverändert senden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+4"/>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Edit and resend</source>
        <translation>Bearbeiten und erneut senden</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Queued — goes out when the connection is back</source>
        <translation>Wartet — geht raus, sobald die Verbindung zurück ist</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Being edited</source>
        <translation>Wird bearbeitet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Held for review: {reason}</source>
        <translation>Zur Prüfung zurückgehalten: {reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Held for review</source>
        <translation>Zur Prüfung zurückgehalten</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not sent: {reason}</source>
        <translation>Nicht gesendet: {reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not sent</source>
        <translation>Nicht gesendet</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Your team</source>
        <translation>Ihr Team</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>to {name}</source>
        <translation>an {name}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>(no text)</source>
        <translation>(kein Text)</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Conversation thread</source>
        <translation>Verlauf der Unterhaltung</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>Load images</source>
        <translation>Bilder laden</translation>
    </message>
    <message>
        <location line="+98"/>
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
    <name>Tray</name>
    <message>
        <location filename="../../ui/tray.py" line="+52"/>
        <source>No open conversations</source>
        <translation>Keine offenen Unterhaltungen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{changes} waiting to be sent</source>
        <translation>{changes} warten auf das Senden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing waiting to be sent</source>
        <translation>Nichts wartet auf das Senden</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>Close to tray</source>
        <translation>In den Infobereich schließen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This desktop has no system tray</source>
        <translation>Diese Arbeitsumgebung hat keinen Infobereich</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+47"/>
        <source>Hide window</source>
        <translation>Fenster ausblenden</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Show window</source>
        <translation>Fenster anzeigen</translation>
    </message>
</context>
<context>
    <name>ValidationPage</name>
    <message>
        <location filename="../../ui/contacts/import_dialog.py" line="-101"/>
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
        <location line="-27"/>
        <source>What the check found</source>
        <translation>Was die Prüfung gefunden hat</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Update contacts the workspace already has</source>
        <translation>Vorhandene Kontakte des Arbeitsbereichs aktualisieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Update existing contacts</source>
        <translation>Vorhandene Kontakte aktualisieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Skip rows whose email the workspace already has</source>
        <translation>Zeilen überspringen, deren E-Mail schon vorhanden ist</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Skip existing contacts</source>
        <translation>Vorhandene Kontakte überspringen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Rows with problems</source>
        <translation>Zeilen mit Problemen</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{total} rows: {new} new, {existing} already in the workspace, {duplicates} repeated in the file (skipped), {bad} with problems (not sent).</source>
        <translation>{total} Zeilen: {new} neu, {existing} schon im Arbeitsbereich, {duplicates} in der Datei doppelt (übersprungen), {bad} mit Problemen (nicht gesendet).</translation>
    </message>
</context>
<context>
    <name>VerifyGuide</name>
    <message>
        <location filename="../../ui/webhooks/guide.py" line="+57"/>
        <source>How to verify webhook deliveries</source>
        <translation>So prüfen Sie Webhook-Zustellungen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>How to verify deliveries</source>
        <translation>So prüfen Sie Zustellungen</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Copy code</source>
        <translation>Code kopieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the verification code</source>
        <translation>Den Prüfcode kopieren</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Python code that verifies a delivery&apos;s signature</source>
        <translation>Python-Code, der die Signatur einer Zustellung prüft</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
</context>
<context>
    <name>WebhookDialog</name>
    <message>
        <location filename="../../ui/webhooks/dialog.py" line="+41"/>
        <source>A new contact is added</source>
        <translation>Ein neuer Kontakt wird hinzugefügt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A contact&apos;s details are modified</source>
        <translation>Die Angaben eines Kontakts werden geändert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A contact is permanently deleted</source>
        <translation>Ein Kontakt wird endgültig gelöscht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new conversation is started</source>
        <translation>Eine neue Unterhaltung beginnt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A reply is sent in a conversation</source>
        <translation>In einer Unterhaltung wird eine Antwort gesendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A conversation is resolved/closed</source>
        <translation>Eine Unterhaltung wird erledigt/geschlossen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new deal is created</source>
        <translation>Ein neuer Deal wird angelegt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A deal moves to a different pipeline stage</source>
        <translation>Ein Deal wechselt in eine andere Phase der Pipeline</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A deal is marked as won</source>
        <translation>Ein Deal wird als gewonnen markiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A deal is marked as lost</source>
        <translation>Ein Deal wird als verloren markiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A campaign begins sending</source>
        <translation>Eine Kampagne beginnt zu senden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A campaign has finished sending to all recipients</source>
        <translation>Eine Kampagne ist an alle Empfänger gesendet</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conversations</source>
        <translation>Unterhaltungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deals</source>
        <translation>Deals</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Campaigns</source>
        <translation>Kampagnen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Plain http is accepted only for a receiver on this computer, for testing; real receivers need https.</source>
        <translation>Einfaches http wird nur für einen Empfänger auf diesem Computer zum Testen akzeptiert; echte Empfänger brauchen https.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Copy this secret now and keep it with your receiver: it is shown only this once, and MailTrixy Desktop does not keep a copy. You will need it to verify the X-MailTrixy-Signature of every delivery.</source>
        <translation>Kopieren Sie dieses Geheimnis jetzt und hinterlegen Sie es bei Ihrem Empfänger: Es wird nur dieses eine Mal angezeigt, und MailTrixy Desktop behält keine Kopie. Sie brauchen es, um die X-MailTrixy-Signature jeder Zustellung zu prüfen.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Enter the URL your receiver listens on (Zapier, Make and n8n give you one).</source>
        <translation>Geben Sie die URL ein, auf der Ihr Empfänger lauscht (Zapier, Make und n8n geben Ihnen eine).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>That is not a valid URL.</source>
        <translation>Das ist keine gültige URL.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A URL cannot contain spaces.</source>
        <translation>Eine URL darf keine Leerzeichen enthalten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter a full URL that starts with https://, e.g. https://hooks.zapier.com/…</source>
        <translation>Geben Sie eine vollständige URL ein, die mit https:// beginnt, z. B. https://hooks.zapier.com/…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Webhook URLs must use https:// so deliveries cannot be read on the way (plain http only works for a receiver on this computer).</source>
        <translation>Webhook-URLs müssen https:// verwenden, damit Zustellungen unterwegs nicht mitgelesen werden können (einfaches http funktioniert nur für einen Empfänger auf diesem Computer).</translation>
    </message>
    <message>
        <location line="+39"/>
        <location line="+1"/>
        <source>New webhook</source>
        <translation>Neuer Webhook</translation>
    </message>
    <message>
        <location line="+49"/>
        <location line="+3"/>
        <source>Receiver URL</source>
        <translation>Empfänger-URL</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select all</source>
        <translation>Alle auswählen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select all events</source>
        <translation>Alle Ereignisse auswählen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>MailTrixy posts to the URL when any of these happens.</source>
        <translation>MailTrixy sendet an die URL, sobald eines davon eintritt.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>All {group} events</source>
        <translation>Alle Ereignisse: {group}</translation>
    </message>
    <message>
        <location line="+34"/>
        <location line="+3"/>
        <source>Create webhook</source>
        <translation>Webhook anlegen</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+96"/>
        <source>Webhook created</source>
        <translation>Webhook angelegt</translation>
    </message>
    <message>
        <location line="-86"/>
        <source>Signing secret</source>
        <translation>Signaturgeheimnis</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Webhook signing secret</source>
        <translation>Signaturgeheimnis des Webhooks</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the secret</source>
        <translation>Das Geheimnis kopieren</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Creating the webhook on the server…</source>
        <translation>Der Webhook wird auf dem Server angelegt…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>MailTrixy now posts the chosen events to {url}</source>
        <translation>MailTrixy sendet die gewählten Ereignisse jetzt an {url}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Choose at least one event to send.</source>
        <translation>Wählen Sie mindestens ein Ereignis.</translation>
    </message>
</context>
<context>
    <name>WebhookGuide</name>
    <message>
        <location filename="../../ui/webhooks/guide.py" line="-78"/>
        <source>Every delivery is a POST with a JSON body and two headers: &lt;b&gt;X-MailTrixy-Event&lt;/b&gt; names the event, and &lt;b&gt;X-MailTrixy-Signature&lt;/b&gt; is &lt;code&gt;sha256=&lt;/code&gt; followed by the HMAC-SHA256 of the raw body, keyed with the webhook&apos;s secret (shown once, when the webhook is created).&lt;ol style=&apos;margin-left: -20px&apos;&gt;&lt;li&gt;Read the body as raw bytes, before any JSON parsing.&lt;/li&gt;&lt;li&gt;Compute the HMAC with your secret and compare it with the header in constant time.&lt;/li&gt;&lt;li&gt;Refuse the request (401) when they differ; otherwise answer 2xx quickly. Failed deliveries are retried with growing pauses.&lt;/li&gt;&lt;/ol&gt;</source>
        <translation>Jede Zustellung ist ein POST mit einem JSON-Inhalt und zwei Headern: &lt;b&gt;X-MailTrixy-Event&lt;/b&gt; nennt das Ereignis, und &lt;b&gt;X-MailTrixy-Signature&lt;/b&gt; ist &lt;code&gt;sha256=&lt;/code&gt;, gefolgt vom HMAC-SHA256 des rohen Inhalts, mit dem Geheimnis des Webhooks als Schlüssel (einmal angezeigt, wenn der Webhook angelegt wird).&lt;ol style=&apos;margin-left: -20px&apos;&gt;&lt;li&gt;Lesen Sie den Inhalt als rohe Bytes, vor jedem JSON-Parsen.&lt;/li&gt;&lt;li&gt;Berechnen Sie den HMAC mit Ihrem Geheimnis und vergleichen Sie ihn in konstanter Zeit mit dem Header.&lt;/li&gt;&lt;li&gt;Weisen Sie die Anfrage ab (401), wenn sie sich unterscheiden; antworten Sie sonst rasch mit 2xx. Fehlgeschlagene Zustellungen werden mit wachsenden Pausen wiederholt.&lt;/li&gt;&lt;/ol&gt;</translation>
    </message>
</context>
<context>
    <name>WebhooksModel</name>
    <message>
        <location filename="../../ui/webhooks/delegates.py" line="+62"/>
        <location filename="../../ui/webhooks/models.py" line="+49"/>
        <source>Deleting…</source>
        <translation>Wird gelöscht…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../ui/webhooks/models.py" line="+2"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../ui/webhooks/models.py" line="+1"/>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <location filename="../../ui/webhooks/models.py" line="-11"/>
        <source>No events</source>
        <translation>Keine Ereignisse</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>no events</source>
        <translation>keine Ereignisse</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{url}, {status}, events: {events}</source>
        <translation>{url}, {status}, Ereignisse: {events}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
</context>
<context>
    <name>WebhooksPane</name>
    <message>
        <location filename="../../ui/webhooks/pane.py" line="-57"/>
        <source>No webhooks yet.

A webhook tells another service the moment something happens here — a new contact, a reply, a won deal, a campaign sent — so Zapier, Make, n8n or your own server can act on it.

Create one with New webhook (Ctrl+N).</source>
        <translation>Noch keine Webhooks.

Ein Webhook meldet einem anderen Dienst sofort, wenn hier etwas passiert — ein neuer Kontakt, eine Antwort, ein gewonnener Deal, eine gesendete Kampagne —, damit Zapier, Make, n8n oder Ihr eigener Server darauf reagieren kann.

Legen Sie einen mit „Neuer Webhook“ (Strg+N) an.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Webhooks are not available with this workspace&apos;s API token.</source>
        <translation>Mit dem API-Token dieses Arbeitsbereichs sind keine Webhooks verfügbar.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server could not be reached, so no webhook was created. Its secret comes only from the server, so creating one needs the connection; try again in a moment.</source>
        <translation>Der Server war nicht erreichbar, daher wurde kein Webhook angelegt. Sein Geheimnis kommt nur vom Server, deshalb braucht das Anlegen die Verbindung; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <location line="+52"/>
        <location line="+35"/>
        <location line="+38"/>
        <source>Webhooks</source>
        <translation>Webhooks</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Refresh from the server</source>
        <translation>Vom Server aktualisieren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>How to verify deliveries</source>
        <translation>Zustellungen prüfen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show or hide how to verify deliveries</source>
        <translation>Anleitung zum Prüfen von Zustellungen ein- oder ausblenden</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>New webhook…</source>
        <translation>Neuer Webhook…</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+155"/>
        <source>Create a webhook</source>
        <translation>Einen Webhook anlegen</translation>
    </message>
    <message>
        <location line="-127"/>
        <location line="+225"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location line="-213"/>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+116"/>
        <source>Delete the webhook</source>
        <translation>Den Webhook löschen</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>None yet</source>
        <translation>Noch keine</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} paused</source>
        <translation>{count} pausiert</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Webhooks were not refreshed: {message}</source>
        <translation>Webhooks wurden nicht aktualisiert: {message}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Webhooks are up to date.</source>
        <translation>Die Webhooks sind aktuell.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>no events</source>
        <translation>keine Ereignisse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sends {events}.</source>
        <translation>Sendet {events}.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>The webhook was not created: {message}</source>
        <translation>Der Webhook wurde nicht angelegt: {message}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Webhook created. Copy its secret now: it is shown only once.</source>
        <translation>Webhook angelegt. Kopieren Sie jetzt sein Geheimnis: Es wird nur einmal angezeigt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The webhook was created, but its secret could not be shown because the window was closed. Delete it and create it again if you need the secret.</source>
        <translation>Der Webhook wurde angelegt, aber sein Geheimnis konnte nicht angezeigt werden, weil das Fenster geschlossen wurde. Löschen Sie ihn und legen Sie ihn neu an, wenn Sie das Geheimnis brauchen.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Delete webhook</source>
        <translation>Webhook löschen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete the webhook that posts to {url}?

MailTrixy stops sending it events at once; whatever it feeds (a Zap, a scenario, a workflow) gets nothing more.</source>
        <translation>Den Webhook löschen, der an {url} sendet?

MailTrixy sendet ihm sofort keine Ereignisse mehr; was er versorgt (ein Zap, ein Szenario, ein Workflow), bekommt nichts mehr.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Deleted the webhook for {url}.</source>
        <translation>Der Webhook für {url} wurde gelöscht.</translation>
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
        <location filename="../../ui/inbox/composer.py" line="+480"/>
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
    <name>_Form</name>
    <message>
        <location filename="../../ui/tags_groups/dialogs.py" line="-59"/>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
</context>
<context>
    <name>campaigns.editor</name>
    <message>
        <location filename="../../ui/campaigns/editor.py" line="-36"/>
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
