-- notification: its listeners moved to sub-packages of one concern each (notification.mail, .webhook, .secevent).
-- Spring Modulith finds the listener of a stored event publication by its id, the listener method's qualified name,
-- so a publication still outstanding from before the move (an undelivered mail, notice or security event) would never
-- be delivered again (B10, A6, C6, E1, F3). It names the listener where it is now.
update event_publication
   set listener_id = replace(listener_id, 'jp.kakehashi.notification.CustomerWarnings.',
                             'jp.kakehashi.notification.mail.CustomerWarnings.')
 where listener_id like 'jp.kakehashi.notification.CustomerWarnings.%';
update event_publication
   set listener_id = replace(listener_id, 'jp.kakehashi.notification.TransferNotices.',
                             'jp.kakehashi.notification.mail.TransferNotices.')
 where listener_id like 'jp.kakehashi.notification.TransferNotices.%';
update event_publication
   set listener_id = replace(listener_id, 'jp.kakehashi.notification.TppNoticeListeners.',
                             'jp.kakehashi.notification.webhook.TppNoticeListeners.')
 where listener_id like 'jp.kakehashi.notification.TppNoticeListeners.%';
update event_publication
   set listener_id = replace(listener_id, 'jp.kakehashi.notification.SecurityEventTransmissions.',
                             'jp.kakehashi.notification.secevent.SecurityEventTransmissions.')
 where listener_id like 'jp.kakehashi.notification.SecurityEventTransmissions.%';
