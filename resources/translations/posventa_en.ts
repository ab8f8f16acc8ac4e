<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AccountsSection</name>
    <message numerus="yes">
        <source>%Ln follower(s)</source>
        <translation><numerusform>%Ln follower</numerusform><numerusform>%Ln followers</numerusform></translation>
    </message>
</context>
<context>
    <name>ImportCaseFileController</name>
    <message numerus="yes">
        <source>Imported: %n new rows.</source>
        <translation><numerusform>Imported: %n new row.</numerusform><numerusform>Imported: %n new rows.</numerusform></translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message numerus="yes">
        <source>%n column(s) · encoding %1 · delimiter %2</source>
        <translation><numerusform>%n column · encoding %1 · delimiter %2</numerusform><numerusform>%n columns · encoding %1 · delimiter %2</numerusform></translation>
    </message>
</context>
<context>
    <name>MergeHistoryDialog</name>
    <message numerus="yes">
        <source>%n account(s)</source>
        <translation><numerusform>%n account</numerusform><numerusform>%n accounts</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation><numerusform>%n note</numerusform><numerusform>%n notes</numerusform></translation>
    </message>
</context>
<context>
    <name>MoodMarks</name>
    <message numerus="yes">
        <source>%n negative</source>
        <translation><numerusform>%n negative</numerusform><numerusform>%n negative</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n neutral</source>
        <translation><numerusform>%n neutral</numerusform><numerusform>%n neutral</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n positive</source>
        <translation><numerusform>%n positive</numerusform><numerusform>%n positive</numerusform></translation>
    </message>
</context>
<context>
    <name>ProfileController</name>
    <message numerus="yes">
        <source>Customer #%1 · %n account(s) on %2</source>
        <translation><numerusform>Customer #%1 · %n account on %2</numerusform><numerusform>Customer #%1 · %n accounts on %2</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>first answer in %1 on average (%n answered)</source>
        <translation><numerusform>first answer in %1 on average (%n answered)</numerusform><numerusform>first answer in %1 on average (%n answered)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s)</source>
        <translation><numerusform>%n complaint</numerusform><numerusform>%n complaints</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n other account(s) may be this person…</source>
        <translation><numerusform>%n other account may be this person…</numerusform><numerusform>%n other accounts may be this person…</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) stored</source>
        <translation><numerusform>%n post stored</numerusform><numerusform>%n posts stored</numerusform></translation>
    </message>
</context>
<context>
    <name>ProfilePortrait</name>
    <message numerus="yes">
        <source>%Ln boost(s)</source>
        <translation><numerusform>%Ln boost</numerusform><numerusform>%Ln boosts</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln favourite(s)</source>
        <translation><numerusform>%Ln favourite</numerusform><numerusform>%Ln favourites</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln repost(s)</source>
        <translation><numerusform>%Ln repost</numerusform><numerusform>%Ln reposts</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln like(s)</source>
        <translation><numerusform>%Ln like</numerusform><numerusform>%Ln likes</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln share(s)</source>
        <translation><numerusform>%Ln share</numerusform><numerusform>%Ln shares</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln view(s)</source>
        <translation><numerusform>%Ln view</numerusform><numerusform>%Ln views</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n comment(s)</source>
        <translation><numerusform>%n comment</numerusform><numerusform>%n comments</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n reply(ies)</source>
        <translation><numerusform>%n reply</numerusform><numerusform>%n replies</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>their newest %1 of %Ln stored post(s)</source>
        <translation><numerusform>their newest %1 of %Ln stored post</numerusform><numerusform>their newest %1 of %Ln stored posts</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>their %Ln stored post(s)</source>
        <translation><numerusform>their %Ln stored post</numerusform><numerusform>their %Ln stored posts</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>from %n post(s)</source>
        <translation><numerusform>from %n post</numerusform><numerusform>from %n posts</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>from %1 of %n post(s)</source>
        <translation><numerusform>from %1 of %n post</numerusform><numerusform>from %1 of %n posts</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln follower(s)</source>
        <translation><numerusform>%Ln follower</numerusform><numerusform>%Ln followers</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>None of the team's %n watch term(s) in their posts.</source>
        <translation><numerusform>None of the team's %n watch term in their posts.</numerusform><numerusform>None of the team's %n watch terms in their posts.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Sentiment triage gave %n post(s), per week:</source>
        <translation><numerusform>Sentiment triage gave %n post, per week:</numerusform><numerusform>Sentiment triage gave %n posts, per week:</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Sentiment triage gave %n post(s), per month:</source>
        <translation><numerusform>Sentiment triage gave %n post, per month:</numerusform><numerusform>Sentiment triage gave %n posts, per month:</numerusform></translation>
    </message>
</context>
<context>
    <name>SuggestionsSection</name>
    <message numerus="yes">
        <source>%Ln follower(s)</source>
        <translation><numerusform>%Ln follower</numerusform><numerusform>%Ln followers</numerusform></translation>
    </message>
</context>
<context><name>People</name><message numerus="yes"><source>%n account(s) move: {accounts}</source><translation><numerusform>%n account moves: {accounts}</numerusform><numerusform>%n accounts move: {accounts}</numerusform></translation></message><message numerus="yes"><source>%n note(s) move.</source><translation><numerusform>%n note moves.</numerusform><numerusform>%n notes move.</numerusform></translation></message><message numerus="yes"><source>%n case(s) follow their accounts: {cases}</source><translation><numerusform>%n case follows its accounts: {cases}</numerusform><numerusform>%n cases follow their accounts: {cases}</numerusform></translation></message></context><context>
    <name>NewMentionsBar</name>
    <message numerus="yes">
        <source>↑ %n new mention(s)</source>
        <translation><numerusform>↑ %n new mention</numerusform><numerusform>↑ %n new mentions</numerusform></translation>
    </message>
</context>
<context>
    <name>QuitGuard</name>
    <message numerus="yes">
        <source>%n queued</source>
        <translation><numerusform>%n queued</numerusform><numerusform>%n queued</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n being sent</source>
        <translation><numerusform>%n being sent</numerusform><numerusform>%n being sent</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n not sent (failed)</source>
        <translation><numerusform>%n not sent (failed)</numerusform><numerusform>%n not sent (failed)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n reply(ies) have not gone out yet: %1.</source>
        <translation><numerusform>%n reply has not gone out yet: %1.</numerusform><numerusform>%n replies have not gone out yet: %1.</numerusform></translation>
    </message>
</context>
<context>
    <name>FeedController</name>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation><numerusform>%n result</numerusform><numerusform>%n results</numerusform></translation>
    </message>
</context>
</TS>
