-- A database as the host wrote it at schema version 6, before pimkit's
-- values moved to the new forms: captured row for row from the previous
-- host program (its command line, and its store package for a plan change,
-- an upgrade suggestion, a reverse-charge invoice in EUR, an emergency
-- window and a degraded outage). The consent ledger's entries carry MACs
-- under the tests' ledger key; v6.head is its signed head.
-- One statement a line group, separated by lines holding only ';'.

INSERT INTO customers (id, name, cvr, vat_id, address, country, kind) VALUES ('C1', 'Webshop ApS', '12345674', '', 'Vestergade 1, 7400 Herning', 'DK', 'business')
;
INSERT INTO customers (id, name, cvr, vat_id, address, country, kind) VALUES ('C2', 'Credits ApS', '12345674', '', 'Nørregade 2, 8000 Aarhus C', 'DK', 'business')
;
INSERT INTO customers (id, name, cvr, vat_id, address, country, kind) VALUES ('C3', 'Handel GmbH', '', 'DE123456789', 'Hauptstraße 1, 10115 Berlin', 'DE', 'business')
;
INSERT INTO plans (id, kind, cycle, price, currency, values_cap, credits, overdraft) VALUES ('free', 'free', 'monthly', '0.00', 'DKK', 10000, 0, 0)
;
INSERT INTO plans (id, kind, cycle, price, currency, values_cap, credits, overdraft) VALUES ('basic-monthly', 'functionality', 'monthly', '249.00', 'DKK', 100000, 0, 0)
;
INSERT INTO plans (id, kind, cycle, price, currency, values_cap, credits, overdraft) VALUES ('pro-monthly', 'functionality', 'monthly', '749.00', 'DKK', 1000000, 0, 0)
;
INSERT INTO plans (id, kind, cycle, price, currency, values_cap, credits, overdraft) VALUES ('pro-annual', 'functionality', 'annual', '7490.00', 'DKK', 1000000, 0, 0)
;
INSERT INTO plans (id, kind, cycle, price, currency, values_cap, credits, overdraft) VALUES ('credits-monthly', 'credits', 'monthly', '99.00', 'DKK', 0, 1000, 50)
;
INSERT INTO subscriptions (id, customer_id, plan_id, anchor, period, next_plan, version) VALUES ('sub-1', 'C1', 'basic-monthly', '2025-12-31', 4, '', 5)
;
INSERT INTO subscriptions (id, customer_id, plan_id, anchor, period, next_plan, version) VALUES ('sub-2', 'C2', 'credits-monthly', '2025-12-31', 4, '', 5)
;
INSERT INTO subscriptions (id, customer_id, plan_id, anchor, period, next_plan, version) VALUES ('sub-3', 'C3', 'basic-monthly', '2026-01-15', 1, '', 3)
;
INSERT INTO subscription_events (event_key, subscription_id, seq, kind, on_date, plan_id, period_start, period_end, amount, currency, citations) VALUES ('sub-1/created/2025-12-31/2025-12-31/basic-monthly', 'sub-1', 1, 'created', '2025-12-31', 'basic-monthly', '2025-12-31', '2026-01-31', '0', 'DKK', 'terms	19.1
terms	12.5')
;
INSERT INTO subscription_events (event_key, subscription_id, seq, kind, on_date, plan_id, period_start, period_end, amount, currency, citations) VALUES ('sub-1/charged/2025-12-31/2025-12-31/basic-monthly', 'sub-1', 2, 'charged', '2025-12-31', 'basic-monthly', '2025-12-31', '2026-01-31', '249.00', 'DKK', 'terms	19.1')
;
INSERT INTO subscription_events (event_key, subscription_id, seq, kind, on_date, plan_id, period_start, period_end, amount, currency, citations) VALUES ('sub-2/created/2025-12-31/2025-12-31/credits-monthly', 'sub-2', 1, 'created', '2025-12-31', 'credits-monthly', '2025-12-31', '2026-01-31', '0', 'DKK', 'terms	19.1
terms	12.5')
;
INSERT INTO subscription_events (event_key, subscription_id, seq, kind, on_date, plan_id, period_start, period_end, amount, currency, citations) VALUES ('sub-2/charged/2025-12-31/2025-12-31/credits-monthly', 'sub-2', 2, 'charged', '2025-12-31', 'credits-monthly', '2025-12-31', '2026-01-31', '99.00', 'DKK', 'terms	19.1')
;
INSERT INTO subscription_events (event_key, subscription_id, seq, kind, on_date, plan_id, period_start, period_end, amount, currency, citations) VALUES ('sub-1/renewed/2026-01-31/2026-01-31/basic-monthly', 'sub-1', 3, 'renewed', '2026-01-31', 'basic-monthly', '2026-01-31', '2026-02-28', '0', 'DKK', 'terms	19.2')
;
INSERT INTO subscription_events (event_key, subscription_id, seq, kind, on_date, plan_id, period_start, period_end, amount, currency, citations) VALUES ('sub-1/charged/2026-01-31/2026-01-31/basic-monthly', 'sub-1', 4, 'charged', '2026-01-31', 'basic-monthly', '2026-01-31', '2026-02-28', '249.00', 'DKK', 'terms	19.1')
;
INSERT INTO subscription_events (event_key, subscription_id, seq, kind, on_date, plan_id, period_start, period_end, amount, currency, citations) VALUES ('sub-2/renewed/2026-01-31/2026-01-31/credits-monthly', 'sub-2', 3, 'renewed', '2026-01-31', 'credits-monthly', '2026-01-31', '2026-02-28', '0', 'DKK', 'terms	19.2')
;
INSERT INTO subscription_events (event_key, subscription_id, seq, kind, on_date, plan_id, period_start, period_end, amount, currency, citations) VALUES ('sub-2/charged/2026-01-31/2026-01-31/credits-monthly', 'sub-2', 4, 'charged', '2026-01-31', 'credits-monthly', '2026-01-31', '2026-02-28', '99.00', 'DKK', 'terms	19.1')
;
INSERT INTO subscription_events (event_key, subscription_id, seq, kind, on_date, plan_id, period_start, period_end, amount, currency, citations) VALUES ('sub-1/renewed/2026-02-28/2026-02-28/basic-monthly', 'sub-1', 5, 'renewed', '2026-02-28', 'basic-monthly', '2026-02-28', '2026-03-31', '0', 'DKK', 'terms	19.2')
;
INSERT INTO subscription_events (event_key, subscription_id, seq, kind, on_date, plan_id, period_start, period_end, amount, currency, citations) VALUES ('sub-1/charged/2026-02-28/2026-02-28/basic-monthly', 'sub-1', 6, 'charged', '2026-02-28', 'basic-monthly', '2026-02-28', '2026-03-31', '249.00', 'DKK', 'terms	19.1')
;
INSERT INTO subscription_events (event_key, subscription_id, seq, kind, on_date, plan_id, period_start, period_end, amount, currency, citations) VALUES ('sub-2/renewed/2026-02-28/2026-02-28/credits-monthly', 'sub-2', 5, 'renewed', '2026-02-28', 'credits-monthly', '2026-02-28', '2026-03-31', '0', 'DKK', 'terms	19.2')
;
INSERT INTO subscription_events (event_key, subscription_id, seq, kind, on_date, plan_id, period_start, period_end, amount, currency, citations) VALUES ('sub-2/charged/2026-02-28/2026-02-28/credits-monthly', 'sub-2', 6, 'charged', '2026-02-28', 'credits-monthly', '2026-02-28', '2026-03-31', '99.00', 'DKK', 'terms	19.1')
;
INSERT INTO subscription_events (event_key, subscription_id, seq, kind, on_date, plan_id, period_start, period_end, amount, currency, citations) VALUES ('sub-1/renewed/2026-03-31/2026-03-31/basic-monthly', 'sub-1', 7, 'renewed', '2026-03-31', 'basic-monthly', '2026-03-31', '2026-04-30', '0', 'DKK', 'terms	19.2')
;
INSERT INTO subscription_events (event_key, subscription_id, seq, kind, on_date, plan_id, period_start, period_end, amount, currency, citations) VALUES ('sub-1/charged/2026-03-31/2026-03-31/basic-monthly', 'sub-1', 8, 'charged', '2026-03-31', 'basic-monthly', '2026-03-31', '2026-04-30', '249.00', 'DKK', 'terms	19.1')
;
INSERT INTO subscription_events (event_key, subscription_id, seq, kind, on_date, plan_id, period_start, period_end, amount, currency, citations) VALUES ('sub-2/renewed/2026-03-31/2026-03-31/credits-monthly', 'sub-2', 7, 'renewed', '2026-03-31', 'credits-monthly', '2026-03-31', '2026-04-30', '0', 'DKK', 'terms	19.2')
;
INSERT INTO subscription_events (event_key, subscription_id, seq, kind, on_date, plan_id, period_start, period_end, amount, currency, citations) VALUES ('sub-2/charged/2026-03-31/2026-03-31/credits-monthly', 'sub-2', 8, 'charged', '2026-03-31', 'credits-monthly', '2026-03-31', '2026-04-30', '99.00', 'DKK', 'terms	19.1')
;
INSERT INTO subscription_events (event_key, subscription_id, seq, kind, on_date, plan_id, period_start, period_end, amount, currency, citations) VALUES ('sub-1/renewed/2026-04-30/2026-04-30/basic-monthly', 'sub-1', 9, 'renewed', '2026-04-30', 'basic-monthly', '2026-04-30', '2026-05-31', '0', 'DKK', 'terms	19.2')
;
INSERT INTO subscription_events (event_key, subscription_id, seq, kind, on_date, plan_id, period_start, period_end, amount, currency, citations) VALUES ('sub-1/charged/2026-04-30/2026-04-30/basic-monthly', 'sub-1', 10, 'charged', '2026-04-30', 'basic-monthly', '2026-04-30', '2026-05-31', '249.00', 'DKK', 'terms	19.1')
;
INSERT INTO subscription_events (event_key, subscription_id, seq, kind, on_date, plan_id, period_start, period_end, amount, currency, citations) VALUES ('sub-2/renewed/2026-04-30/2026-04-30/credits-monthly', 'sub-2', 9, 'renewed', '2026-04-30', 'credits-monthly', '2026-04-30', '2026-05-31', '0', 'DKK', 'terms	19.2')
;
INSERT INTO subscription_events (event_key, subscription_id, seq, kind, on_date, plan_id, period_start, period_end, amount, currency, citations) VALUES ('sub-2/charged/2026-04-30/2026-04-30/credits-monthly', 'sub-2', 10, 'charged', '2026-04-30', 'credits-monthly', '2026-04-30', '2026-05-31', '99.00', 'DKK', 'terms	19.1')
;
INSERT INTO subscription_events (event_key, subscription_id, seq, kind, on_date, plan_id, period_start, period_end, amount, currency, citations) VALUES ('sub-3/created/2026-01-15/2026-01-15/pro-monthly', 'sub-3', 1, 'created', '2026-01-15', 'pro-monthly', '2026-01-15', '2026-02-15', '0', 'DKK', 'terms	19.1
terms	12.5')
;
INSERT INTO subscription_events (event_key, subscription_id, seq, kind, on_date, plan_id, period_start, period_end, amount, currency, citations) VALUES ('sub-3/charged/2026-01-15/2026-01-15/pro-monthly', 'sub-3', 2, 'charged', '2026-01-15', 'pro-monthly', '2026-01-15', '2026-02-15', '749.00', 'DKK', 'terms	19.1')
;
INSERT INTO subscription_events (event_key, subscription_id, seq, kind, on_date, plan_id, period_start, period_end, amount, currency, citations) VALUES ('sub-3/change-scheduled/2026-02-15/2026-01-15/basic-monthly', 'sub-3', 3, 'change-scheduled', '2026-02-15', 'basic-monthly', '2026-01-15', '2026-02-15', '0', 'DKK', 'terms	19.4')
;
INSERT INTO subscription_events (event_key, subscription_id, seq, kind, on_date, plan_id, period_start, period_end, amount, currency, citations) VALUES ('sub-3/upgrade-suggested/2026-01-21/2026-01-15/', 'sub-3', 4, 'upgrade-suggested', '2026-01-21', '', '2026-01-15', '2026-02-15', '0', 'XXX', 'terms	19.2')
;
INSERT INTO subscription_events (event_key, subscription_id, seq, kind, on_date, plan_id, period_start, period_end, amount, currency, citations) VALUES ('sub-3/plan-changed/2026-02-15/2026-02-15/basic-monthly', 'sub-3', 5, 'plan-changed', '2026-02-15', 'basic-monthly', '2026-02-15', '2026-03-15', '0', 'DKK', 'terms	19.6')
;
INSERT INTO subscription_events (event_key, subscription_id, seq, kind, on_date, plan_id, period_start, period_end, amount, currency, citations) VALUES ('sub-3/renewed/2026-02-15/2026-02-15/basic-monthly', 'sub-3', 6, 'renewed', '2026-02-15', 'basic-monthly', '2026-02-15', '2026-03-15', '0', 'DKK', 'terms	19.2')
;
INSERT INTO subscription_events (event_key, subscription_id, seq, kind, on_date, plan_id, period_start, period_end, amount, currency, citations) VALUES ('sub-3/charged/2026-02-15/2026-02-15/basic-monthly', 'sub-3', 7, 'charged', '2026-02-15', 'basic-monthly', '2026-02-15', '2026-03-15', '249.00', 'DKK', 'terms	19.1')
;
INSERT INTO counters (name, next) VALUES ('invoice', 11)
;
INSERT INTO invoices (number, charge_key, customer_id, subscription_id, issued, received, due, due_kind, due_from, due_period, due_raw, due_convention, supply_from, supply_to, seller_name, seller_cvr, seller_vat_id, seller_address, seller_country, buyer_name, buyer_cvr, buyer_vat_id, buyer_address, buyer_country, currency, treatment, net, vat, total, notice, citations, settled_on) VALUES ('INV-000001', 'sub-1/charged/2025-12-31/2025-12-31/basic-monthly', 'C1', 'sub-1', '2025-12-31', '2025-12-31', '2026-01-30', 'to-act', '2025-12-31', 'P30D', '2026-01-30', 'EU 1182/71', '2025-12-31', '2026-01-30', 'OpenDIMS ApS', '43782495', '', 'Rømersvej 4, 7430 Ikast', 'DK', 'Webshop ApS', '12345674', '', 'Vestergade 1, 7400 Herning', 'DK', 'DKK', 'domestic', '249.00', '62.25', '311.25', '', 'momsbekendtgørelsen	§ 58
terms	12.3
Reg. 1182/71	Art. 3(2)', '')
;
INSERT INTO invoices (number, charge_key, customer_id, subscription_id, issued, received, due, due_kind, due_from, due_period, due_raw, due_convention, supply_from, supply_to, seller_name, seller_cvr, seller_vat_id, seller_address, seller_country, buyer_name, buyer_cvr, buyer_vat_id, buyer_address, buyer_country, currency, treatment, net, vat, total, notice, citations, settled_on) VALUES ('INV-000002', 'sub-1/charged/2026-01-31/2026-01-31/basic-monthly', 'C1', 'sub-1', '2026-01-31', '2026-01-31', '2026-03-02', 'to-act', '2026-01-31', 'P30D', '2026-03-02', 'EU 1182/71', '2026-01-31', '2026-02-27', 'OpenDIMS ApS', '43782495', '', 'Rømersvej 4, 7430 Ikast', 'DK', 'Webshop ApS', '12345674', '', 'Vestergade 1, 7400 Herning', 'DK', 'DKK', 'domestic', '249.00', '62.25', '311.25', '', 'momsbekendtgørelsen	§ 58
terms	12.3
Reg. 1182/71	Art. 3(2)', '')
;
INSERT INTO invoices (number, charge_key, customer_id, subscription_id, issued, received, due, due_kind, due_from, due_period, due_raw, due_convention, supply_from, supply_to, seller_name, seller_cvr, seller_vat_id, seller_address, seller_country, buyer_name, buyer_cvr, buyer_vat_id, buyer_address, buyer_country, currency, treatment, net, vat, total, notice, citations, settled_on) VALUES ('INV-000003', 'sub-2/charged/2025-12-31/2025-12-31/credits-monthly', 'C2', 'sub-2', '2025-12-31', '2025-12-31', '2026-01-30', 'to-act', '2025-12-31', 'P30D', '2026-01-30', 'EU 1182/71', '2025-12-31', '2026-01-30', 'OpenDIMS ApS', '43782495', '', 'Rømersvej 4, 7430 Ikast', 'DK', 'Credits ApS', '12345674', '', 'Nørregade 2, 8000 Aarhus C', 'DK', 'DKK', 'domestic', '99.00', '24.75', '123.75', '', 'momsbekendtgørelsen	§ 58
terms	12.3
Reg. 1182/71	Art. 3(2)', '')
;
INSERT INTO invoices (number, charge_key, customer_id, subscription_id, issued, received, due, due_kind, due_from, due_period, due_raw, due_convention, supply_from, supply_to, seller_name, seller_cvr, seller_vat_id, seller_address, seller_country, buyer_name, buyer_cvr, buyer_vat_id, buyer_address, buyer_country, currency, treatment, net, vat, total, notice, citations, settled_on) VALUES ('INV-000004', 'sub-2/charged/2026-01-31/2026-01-31/credits-monthly', 'C2', 'sub-2', '2026-01-31', '2026-01-31', '2026-03-02', 'to-act', '2026-01-31', 'P30D', '2026-03-02', 'EU 1182/71', '2026-01-31', '2026-02-27', 'OpenDIMS ApS', '43782495', '', 'Rømersvej 4, 7430 Ikast', 'DK', 'Credits ApS', '12345674', '', 'Nørregade 2, 8000 Aarhus C', 'DK', 'DKK', 'domestic', '99.00', '24.75', '123.75', '', 'momsbekendtgørelsen	§ 58
terms	12.3
Reg. 1182/71	Art. 3(2)', '')
;
INSERT INTO invoices (number, charge_key, customer_id, subscription_id, issued, received, due, due_kind, due_from, due_period, due_raw, due_convention, supply_from, supply_to, seller_name, seller_cvr, seller_vat_id, seller_address, seller_country, buyer_name, buyer_cvr, buyer_vat_id, buyer_address, buyer_country, currency, treatment, net, vat, total, notice, citations, settled_on) VALUES ('INV-000005', 'sub-1/charged/2026-02-28/2026-02-28/basic-monthly', 'C1', 'sub-1', '2026-02-28', '2026-02-28', '2026-03-30', 'to-act', '2026-02-28', 'P30D', '2026-03-30', 'EU 1182/71', '2026-02-28', '2026-03-30', 'OpenDIMS ApS', '43782495', '', 'Rømersvej 4, 7430 Ikast', 'DK', 'Webshop ApS', '12345674', '', 'Vestergade 1, 7400 Herning', 'DK', 'DKK', 'domestic', '249.00', '62.25', '311.25', '', 'momsbekendtgørelsen	§ 58
terms	12.3
Reg. 1182/71	Art. 3(2)', '')
;
INSERT INTO invoices (number, charge_key, customer_id, subscription_id, issued, received, due, due_kind, due_from, due_period, due_raw, due_convention, supply_from, supply_to, seller_name, seller_cvr, seller_vat_id, seller_address, seller_country, buyer_name, buyer_cvr, buyer_vat_id, buyer_address, buyer_country, currency, treatment, net, vat, total, notice, citations, settled_on) VALUES ('INV-000006', 'sub-2/charged/2026-02-28/2026-02-28/credits-monthly', 'C2', 'sub-2', '2026-02-28', '2026-02-28', '2026-03-30', 'to-act', '2026-02-28', 'P30D', '2026-03-30', 'EU 1182/71', '2026-02-28', '2026-03-30', 'OpenDIMS ApS', '43782495', '', 'Rømersvej 4, 7430 Ikast', 'DK', 'Credits ApS', '12345674', '', 'Nørregade 2, 8000 Aarhus C', 'DK', 'DKK', 'domestic', '99.00', '24.75', '123.75', '', 'momsbekendtgørelsen	§ 58
terms	12.3
Reg. 1182/71	Art. 3(2)', '')
;
INSERT INTO invoices (number, charge_key, customer_id, subscription_id, issued, received, due, due_kind, due_from, due_period, due_raw, due_convention, supply_from, supply_to, seller_name, seller_cvr, seller_vat_id, seller_address, seller_country, buyer_name, buyer_cvr, buyer_vat_id, buyer_address, buyer_country, currency, treatment, net, vat, total, notice, citations, settled_on) VALUES ('INV-000007', 'sub-1/charged/2026-03-31/2026-03-31/basic-monthly', 'C1', 'sub-1', '2026-03-31', '2026-03-31', '2026-04-30', 'to-act', '2026-03-31', 'P30D', '2026-04-30', 'EU 1182/71', '2026-03-31', '2026-04-29', 'OpenDIMS ApS', '43782495', '', 'Rømersvej 4, 7430 Ikast', 'DK', 'Webshop ApS', '12345674', '', 'Vestergade 1, 7400 Herning', 'DK', 'DKK', 'domestic', '249.00', '62.25', '311.25', '', 'momsbekendtgørelsen	§ 58
terms	12.3
Reg. 1182/71	Art. 3(2)', '')
;
INSERT INTO invoices (number, charge_key, customer_id, subscription_id, issued, received, due, due_kind, due_from, due_period, due_raw, due_convention, supply_from, supply_to, seller_name, seller_cvr, seller_vat_id, seller_address, seller_country, buyer_name, buyer_cvr, buyer_vat_id, buyer_address, buyer_country, currency, treatment, net, vat, total, notice, citations, settled_on) VALUES ('INV-000008', 'sub-2/charged/2026-03-31/2026-03-31/credits-monthly', 'C2', 'sub-2', '2026-03-31', '2026-03-31', '2026-04-30', 'to-act', '2026-03-31', 'P30D', '2026-04-30', 'EU 1182/71', '2026-03-31', '2026-04-29', 'OpenDIMS ApS', '43782495', '', 'Rømersvej 4, 7430 Ikast', 'DK', 'Credits ApS', '12345674', '', 'Nørregade 2, 8000 Aarhus C', 'DK', 'DKK', 'domestic', '99.00', '24.75', '123.75', '', 'momsbekendtgørelsen	§ 58
terms	12.3
Reg. 1182/71	Art. 3(2)', '')
;
INSERT INTO invoices (number, charge_key, customer_id, subscription_id, issued, received, due, due_kind, due_from, due_period, due_raw, due_convention, supply_from, supply_to, seller_name, seller_cvr, seller_vat_id, seller_address, seller_country, buyer_name, buyer_cvr, buyer_vat_id, buyer_address, buyer_country, currency, treatment, net, vat, total, notice, citations, settled_on) VALUES ('INV-000009', 'sub-1/charged/2026-04-30/2026-04-30/basic-monthly', 'C1', 'sub-1', '2026-04-30', '2026-04-30', '2026-06-01', 'to-act', '2026-04-30', 'P30D', '2026-05-30', 'EU 1182/71', '2026-04-30', '2026-05-30', 'OpenDIMS ApS', '43782495', '', 'Rømersvej 4, 7430 Ikast', 'DK', 'Webshop ApS', '12345674', '', 'Vestergade 1, 7400 Herning', 'DK', 'DKK', 'domestic', '249.00', '62.25', '311.25', '', 'momsbekendtgørelsen	§ 58
terms	12.3
Reg. 1182/71	Art. 3(2)
Reg. 1182/71	Art. 3(4)', '')
;
INSERT INTO invoices (number, charge_key, customer_id, subscription_id, issued, received, due, due_kind, due_from, due_period, due_raw, due_convention, supply_from, supply_to, seller_name, seller_cvr, seller_vat_id, seller_address, seller_country, buyer_name, buyer_cvr, buyer_vat_id, buyer_address, buyer_country, currency, treatment, net, vat, total, notice, citations, settled_on) VALUES ('INV-000010', 'sub-2/charged/2026-04-30/2026-04-30/credits-monthly', 'C2', 'sub-2', '2026-04-30', '2026-04-30', '2026-06-01', 'to-act', '2026-04-30', 'P30D', '2026-05-30', 'EU 1182/71', '2026-04-30', '2026-05-30', 'OpenDIMS ApS', '43782495', '', 'Rømersvej 4, 7430 Ikast', 'DK', 'Credits ApS', '12345674', '', 'Nørregade 2, 8000 Aarhus C', 'DK', 'DKK', 'domestic', '99.00', '24.75', '123.75', '', 'momsbekendtgørelsen	§ 58
terms	12.3
Reg. 1182/71	Art. 3(2)
Reg. 1182/71	Art. 3(4)', '')
;
INSERT INTO invoices (number, charge_key, customer_id, subscription_id, issued, received, due, due_kind, due_from, due_period, due_raw, due_convention, supply_from, supply_to, seller_name, seller_cvr, seller_vat_id, seller_address, seller_country, buyer_name, buyer_cvr, buyer_vat_id, buyer_address, buyer_country, currency, treatment, net, vat, total, notice, citations, settled_on) VALUES ('INV-900001', 'manual/INV-900001', 'C3', 'sub-3', '2026-01-31', '2026-01-31', '2026-03-02', 'to-act', '2026-01-31', 'P30D', '2026-03-02', 'EU 1182/71', '2026-01-15', '2026-02-14', 'OpenDIMS ApS', '43782495', '', 'Rømersvej 4, 7430 Ikast', 'DK', 'Handel GmbH', '', 'DE123456789', 'Hauptstraße 1, 10115 Berlin', 'DE', 'EUR', 'reverse-charge', '300.00', '0.00', '300.00', 'Reverse charge / omvendt betalingspligt', 'momsbekendtgørelsen	§ 58
terms	12.3
Reg. 1182/71	Art. 3(2)
VAT Directive	Art. 196
momsloven	§ 46(1)(3)', '')
;
INSERT INTO invoice_lines (number, line_no, description, currency, quantity, unit_price, vat_rate, net, vat) VALUES ('INV-000001', 1, 'Subscription sub-1, plan basic-monthly, 2025-12-31 .. 2026-01-30', 'DKK', '1', '249.00', '0.25', '249.00', '62.25')
;
INSERT INTO invoice_lines (number, line_no, description, currency, quantity, unit_price, vat_rate, net, vat) VALUES ('INV-000002', 1, 'Subscription sub-1, plan basic-monthly, 2026-01-31 .. 2026-02-27', 'DKK', '1', '249.00', '0.25', '249.00', '62.25')
;
INSERT INTO invoice_lines (number, line_no, description, currency, quantity, unit_price, vat_rate, net, vat) VALUES ('INV-000003', 1, 'Subscription sub-2, plan credits-monthly, 2025-12-31 .. 2026-01-30', 'DKK', '1', '99.00', '0.25', '99.00', '24.75')
;
INSERT INTO invoice_lines (number, line_no, description, currency, quantity, unit_price, vat_rate, net, vat) VALUES ('INV-000004', 1, 'Subscription sub-2, plan credits-monthly, 2026-01-31 .. 2026-02-27', 'DKK', '1', '99.00', '0.25', '99.00', '24.75')
;
INSERT INTO invoice_lines (number, line_no, description, currency, quantity, unit_price, vat_rate, net, vat) VALUES ('INV-000005', 1, 'Subscription sub-1, plan basic-monthly, 2026-02-28 .. 2026-03-30', 'DKK', '1', '249.00', '0.25', '249.00', '62.25')
;
INSERT INTO invoice_lines (number, line_no, description, currency, quantity, unit_price, vat_rate, net, vat) VALUES ('INV-000006', 1, 'Subscription sub-2, plan credits-monthly, 2026-02-28 .. 2026-03-30', 'DKK', '1', '99.00', '0.25', '99.00', '24.75')
;
INSERT INTO invoice_lines (number, line_no, description, currency, quantity, unit_price, vat_rate, net, vat) VALUES ('INV-000007', 1, 'Subscription sub-1, plan basic-monthly, 2026-03-31 .. 2026-04-29', 'DKK', '1', '249.00', '0.25', '249.00', '62.25')
;
INSERT INTO invoice_lines (number, line_no, description, currency, quantity, unit_price, vat_rate, net, vat) VALUES ('INV-000008', 1, 'Subscription sub-2, plan credits-monthly, 2026-03-31 .. 2026-04-29', 'DKK', '1', '99.00', '0.25', '99.00', '24.75')
;
INSERT INTO invoice_lines (number, line_no, description, currency, quantity, unit_price, vat_rate, net, vat) VALUES ('INV-000009', 1, 'Subscription sub-1, plan basic-monthly, 2026-04-30 .. 2026-05-30', 'DKK', '1', '249.00', '0.25', '249.00', '62.25')
;
INSERT INTO invoice_lines (number, line_no, description, currency, quantity, unit_price, vat_rate, net, vat) VALUES ('INV-000010', 1, 'Subscription sub-2, plan credits-monthly, 2026-04-30 .. 2026-05-30', 'DKK', '1', '99.00', '0.25', '99.00', '24.75')
;
INSERT INTO invoice_lines (number, line_no, description, currency, quantity, unit_price, vat_rate, net, vat) VALUES ('INV-900001', 1, 'Consulting, 2.5 hours', 'EUR', '2.5', '120.00', '0', '300.00', '0.00')
;
INSERT INTO invoice_vat (number, line_no, rate, net, vat) VALUES ('INV-000001', 1, '0.25', '249.00', '62.25')
;
INSERT INTO invoice_vat (number, line_no, rate, net, vat) VALUES ('INV-000002', 1, '0.25', '249.00', '62.25')
;
INSERT INTO invoice_vat (number, line_no, rate, net, vat) VALUES ('INV-000003', 1, '0.25', '99.00', '24.75')
;
INSERT INTO invoice_vat (number, line_no, rate, net, vat) VALUES ('INV-000004', 1, '0.25', '99.00', '24.75')
;
INSERT INTO invoice_vat (number, line_no, rate, net, vat) VALUES ('INV-000005', 1, '0.25', '249.00', '62.25')
;
INSERT INTO invoice_vat (number, line_no, rate, net, vat) VALUES ('INV-000006', 1, '0.25', '99.00', '24.75')
;
INSERT INTO invoice_vat (number, line_no, rate, net, vat) VALUES ('INV-000007', 1, '0.25', '249.00', '62.25')
;
INSERT INTO invoice_vat (number, line_no, rate, net, vat) VALUES ('INV-000008', 1, '0.25', '99.00', '24.75')
;
INSERT INTO invoice_vat (number, line_no, rate, net, vat) VALUES ('INV-000009', 1, '0.25', '249.00', '62.25')
;
INSERT INTO invoice_vat (number, line_no, rate, net, vat) VALUES ('INV-000010', 1, '0.25', '99.00', '24.75')
;
INSERT INTO invoice_vat (number, line_no, rate, net, vat) VALUES ('INV-900001', 1, '0', '300.00', '0.00')
;
INSERT INTO payments (number, payment_key, paid_on, amount) VALUES ('INV-000001', 'bank-4711', '2026-02-03', '100.50')
;
INSERT INTO payments (number, payment_key, paid_on, amount) VALUES ('INV-900001', 'sepa-1', '2026-02-10', '150.00')
;
INSERT INTO demands (number, seq, sent, fee) VALUES ('INV-000001', 1, '2026-01-31', '100.00')
;
INSERT INTO demands (number, seq, sent, fee) VALUES ('INV-000003', 1, '2026-01-31', '100.00')
;
INSERT INTO demands (number, seq, sent, fee) VALUES ('INV-000001', 2, '2026-02-28', '100.00')
;
INSERT INTO demands (number, seq, sent, fee) VALUES ('INV-000003', 2, '2026-02-28', '100.00')
;
INSERT INTO demands (number, seq, sent, fee) VALUES ('INV-000001', 3, '2026-03-31', '100.00')
;
INSERT INTO demands (number, seq, sent, fee) VALUES ('INV-000003', 3, '2026-03-31', '100.00')
;
INSERT INTO demands (number, seq, sent, fee) VALUES ('INV-000002', 1, '2026-03-31', '100.00')
;
INSERT INTO demands (number, seq, sent, fee) VALUES ('INV-000004', 1, '2026-03-31', '100.00')
;
INSERT INTO demands (number, seq, sent, fee) VALUES ('INV-000005', 1, '2026-03-31', '100.00')
;
INSERT INTO demands (number, seq, sent, fee) VALUES ('INV-000006', 1, '2026-03-31', '100.00')
;
INSERT INTO demands (number, seq, sent, fee) VALUES ('INV-000001', 4, '2026-04-30', '0')
;
INSERT INTO demands (number, seq, sent, fee) VALUES ('INV-000003', 4, '2026-04-30', '0')
;
INSERT INTO demands (number, seq, sent, fee) VALUES ('INV-000002', 2, '2026-04-30', '100.00')
;
INSERT INTO demands (number, seq, sent, fee) VALUES ('INV-000004', 2, '2026-04-30', '100.00')
;
INSERT INTO demands (number, seq, sent, fee) VALUES ('INV-000005', 2, '2026-04-30', '100.00')
;
INSERT INTO demands (number, seq, sent, fee) VALUES ('INV-000006', 2, '2026-04-30', '100.00')
;
INSERT INTO compensations (number, claimed, amount) VALUES ('INV-000001', '2026-01-31', '310')
;
INSERT INTO compensations (number, claimed, amount) VALUES ('INV-000003', '2026-01-31', '310')
;
INSERT INTO compensations (number, claimed, amount) VALUES ('INV-000002', '2026-03-31', '310')
;
INSERT INTO compensations (number, claimed, amount) VALUES ('INV-000004', '2026-03-31', '310')
;
INSERT INTO compensations (number, claimed, amount) VALUES ('INV-000005', '2026-03-31', '310')
;
INSERT INTO compensations (number, claimed, amount) VALUES ('INV-000006', '2026-03-31', '310')
;
INSERT INTO interest_statements (number, until_day, principal, total, currency, statement) VALUES ('INV-000001', '2026-02-28', '311.25', '4.14', 'DKK', 'interest 2026-01-30 .. 2026-02-28 (30/360), DKK
2026-01-30 .. 2026-02-03    4 days       311.25 x 2.00 %/month x 3/30 = 0.62
2026-02-03 .. 2026-02-28   25 days       210.75 x 2.00 %/month x 25/30 = 3.52
total 4.14 (terms 12.3)')
;
INSERT INTO interest_statements (number, until_day, principal, total, currency, statement) VALUES ('INV-000003', '2026-02-28', '123.75', '2.31', 'DKK', 'interest 2026-01-30 .. 2026-02-28 (30/360), DKK
2026-01-30 .. 2026-02-28   29 days       123.75 x 2.00 %/month x 28/30 = 2.31
total 2.31 (terms 12.3)')
;
INSERT INTO interest_statements (number, until_day, principal, total, currency, statement) VALUES ('INV-000001', '2026-03-31', '311.25', '8.63', 'DKK', 'interest 2026-01-30 .. 2026-03-31 (30/360), DKK
2026-01-30 .. 2026-02-03    4 days       311.25 x 2.00 %/month x 3/30 = 0.62
2026-02-03 .. 2026-03-31   56 days       210.75 x 2.00 %/month x 57/30 = 8.01
total 8.63 (terms 12.3)')
;
INSERT INTO interest_statements (number, until_day, principal, total, currency, statement) VALUES ('INV-000003', '2026-03-31', '123.75', '4.95', 'DKK', 'interest 2026-01-30 .. 2026-03-31 (30/360), DKK
2026-01-30 .. 2026-03-31   60 days       123.75 x 2.00 %/month x 60/30 = 4.95
total 4.95 (terms 12.3)')
;
INSERT INTO interest_statements (number, until_day, principal, total, currency, statement) VALUES ('INV-000002', '2026-03-31', '311.25', '5.81', 'DKK', 'interest 2026-03-02 .. 2026-03-31 (30/360), DKK
2026-03-02 .. 2026-03-31   29 days       311.25 x 2.00 %/month x 28/30 = 5.81
total 5.81 (terms 12.3)')
;
INSERT INTO interest_statements (number, until_day, principal, total, currency, statement) VALUES ('INV-000004', '2026-03-31', '123.75', '2.31', 'DKK', 'interest 2026-03-02 .. 2026-03-31 (30/360), DKK
2026-03-02 .. 2026-03-31   29 days       123.75 x 2.00 %/month x 28/30 = 2.31
total 2.31 (terms 12.3)')
;
INSERT INTO interest_statements (number, until_day, principal, total, currency, statement) VALUES ('INV-000001', '2026-04-30', '311.25', '12.85', 'DKK', 'interest 2026-01-30 .. 2026-04-30 (30/360), DKK
2026-01-30 .. 2026-02-03    4 days       311.25 x 2.00 %/month x 3/30 = 0.62
2026-02-03 .. 2026-04-30   86 days       210.75 x 2.00 %/month x 87/30 = 12.23
total 12.85 (terms 12.3)')
;
INSERT INTO interest_statements (number, until_day, principal, total, currency, statement) VALUES ('INV-000003', '2026-04-30', '123.75', '7.43', 'DKK', 'interest 2026-01-30 .. 2026-04-30 (30/360), DKK
2026-01-30 .. 2026-04-30   90 days       123.75 x 2.00 %/month x 90/30 = 7.43
total 7.43 (terms 12.3)')
;
INSERT INTO interest_statements (number, until_day, principal, total, currency, statement) VALUES ('INV-000002', '2026-04-30', '311.25', '12.04', 'DKK', 'interest 2026-03-02 .. 2026-04-30 (30/360), DKK
2026-03-02 .. 2026-04-30   59 days       311.25 x 2.00 %/month x 58/30 = 12.04
total 12.04 (terms 12.3)')
;
INSERT INTO interest_statements (number, until_day, principal, total, currency, statement) VALUES ('INV-000004', '2026-04-30', '123.75', '4.79', 'DKK', 'interest 2026-03-02 .. 2026-04-30 (30/360), DKK
2026-03-02 .. 2026-04-30   59 days       123.75 x 2.00 %/month x 58/30 = 4.79
total 4.79 (terms 12.3)')
;
INSERT INTO interest_statements (number, until_day, principal, total, currency, statement) VALUES ('INV-000005', '2026-04-30', '311.25', '6.23', 'DKK', 'interest 2026-03-30 .. 2026-04-30 (30/360), DKK
2026-03-30 .. 2026-04-30   31 days       311.25 x 2.00 %/month x 30/30 = 6.23
total 6.23 (terms 12.3)')
;
INSERT INTO interest_statements (number, until_day, principal, total, currency, statement) VALUES ('INV-000006', '2026-04-30', '123.75', '2.48', 'DKK', 'interest 2026-03-30 .. 2026-04-30 (30/360), DKK
2026-03-30 .. 2026-04-30   31 days       123.75 x 2.00 %/month x 30/30 = 2.48
total 2.48 (terms 12.3)')
;
INSERT INTO credit_entries (account, seq, event_id, at, zone, kind, credits, balance, memo) VALUES ('C2', 1, 'grant-2026-01', '2025-12-31T23:00:00.000000000Z', 'fixed 3600 ', 'grant', 1000, 1000, '')
;
INSERT INTO credit_entries (account, seq, event_id, at, zone, kind, credits, balance, memo) VALUES ('C2', 2, 'buy-1', '2026-01-15T11:00:00.000000000Z', 'fixed 3600 ', 'purchase', 250, 1250, '')
;
INSERT INTO records (kind, id, schema_ref, version, body, updated_at, updated_zone) VALUES ('product', 'CHAIR-1', 'product/opendims-v1', 2, '{"sku":"CHAIR-1","status":"draft","version":0,"values":{"title":[{"locale":"da-DK","channel":null,"data":"Stol (eg)"},{"locale":"en-GB","channel":null,"data":"Chair (oak)"}],"price":[{"locale":null,"channel":null,"data":[{"amount":"549.00","currency":"DKK"},{"amount":"73.70","currency":"EUR"}]}]}}', '2026-12-01T15:57:57.128625630Z', 'Europe/Copenhagen')
;
INSERT INTO records (kind, id, schema_ref, version, body, updated_at, updated_zone) VALUES ('product', 'TABLE-1', 'product/opendims-v1', 1, '{"sku":"TABLE-1","status":"draft","version":0,"values":{"title":[{"locale":"da-DK","channel":null,"data":"Bord"},{"locale":"en-GB","channel":null,"data":"Table"}],"price":[{"locale":null,"channel":null,"data":[{"amount":"1999.50","currency":"DKK"},{"amount":"268.00","currency":"EUR"}]}]}}', '2026-12-01T15:57:57.123292997Z', 'Europe/Copenhagen')
;
INSERT INTO record_versions (kind, id, version, schema_ref, body, at, zone) VALUES ('product', 'CHAIR-1', 1, 'product/opendims-v1', '{"sku":"CHAIR-1","status":"draft","version":0,"values":{"title":[{"locale":"da-DK","channel":null,"data":"Stol"},{"locale":"en-GB","channel":null,"data":"Chair"}],"price":[{"locale":null,"channel":null,"data":[{"amount":"499.00","currency":"DKK"},{"amount":"66.95","currency":"EUR"}]}]}}', '2026-12-01T15:57:57.118851875Z', 'Europe/Copenhagen')
;
INSERT INTO record_versions (kind, id, version, schema_ref, body, at, zone) VALUES ('product', 'TABLE-1', 1, 'product/opendims-v1', '{"sku":"TABLE-1","status":"draft","version":0,"values":{"title":[{"locale":"da-DK","channel":null,"data":"Bord"},{"locale":"en-GB","channel":null,"data":"Table"}],"price":[{"locale":null,"channel":null,"data":[{"amount":"1999.50","currency":"DKK"},{"amount":"268.00","currency":"EUR"}]}]}}', '2026-12-01T15:57:57.123292997Z', 'Europe/Copenhagen')
;
INSERT INTO record_versions (kind, id, version, schema_ref, body, at, zone) VALUES ('product', 'CHAIR-1', 2, 'product/opendims-v1', '{"sku":"CHAIR-1","status":"draft","version":0,"values":{"title":[{"locale":"da-DK","channel":null,"data":"Stol (eg)"},{"locale":"en-GB","channel":null,"data":"Chair (oak)"}],"price":[{"locale":null,"channel":null,"data":[{"amount":"549.00","currency":"DKK"},{"amount":"73.70","currency":"EUR"}]}]}}', '2026-12-01T15:57:57.128625630Z', 'Europe/Copenhagen')
;
INSERT INTO ledger_entries (ledger, seq, at, zone, subject, kind, body, prev_hash, hash, mac) VALUES ('consent', 1, '2026-01-05T09:00:00.000000000Z', 'fixed 3600 ', 'cust-1', 'consent.given', '{"subject":"cust-1","purpose":"marketing.communications.email","action":"given","at":"2026-01-05T10:00:00+01:00","policy":"2025-02-01","method":"form","notice":"180f27e3bed40f46828282683f8a61461bbc46265807cb569b576aa9d11fea1b"}', '0000000000000000000000000000000000000000000000000000000000000000', '441c7ad7619f4e29aeb42aefc21c6cff50b4daec9e3478eab0ad581900413ffd', 'fec3191851fa9176af3a2a94b92338b6397d5636e96256974cf47dc686d86ce8')
;
INSERT INTO ledger_entries (ledger, seq, at, zone, subject, kind, body, prev_hash, hash, mac) VALUES ('consent', 2, '2026-01-06T09:00:00.000000000Z', 'fixed 3600 ', 'cust-2', 'consent.given', '{"subject":"cust-2","purpose":"marketing.communications.email","action":"given","at":"2026-01-06T10:00:00+01:00","policy":"2025-02-01","method":"form","notice":"180f27e3bed40f46828282683f8a61461bbc46265807cb569b576aa9d11fea1b"}', '441c7ad7619f4e29aeb42aefc21c6cff50b4daec9e3478eab0ad581900413ffd', 'd96f926c42fb2a4846a94b31b1a55e603052383dd7f4b453b20b61b16b9f58bd', 'a10da4ee424e258ebbfe666126ea01bf8c6b220680440e8121d770c2ec5faa51')
;
INSERT INTO ledger_entries (ledger, seq, at, zone, subject, kind, body, prev_hash, hash, mac) VALUES ('consent', 3, '2026-01-20T08:30:00.000000000Z', 'fixed 3600 ', 'cust-1', 'consent.withdrawn', '{"subject":"cust-1","purpose":"marketing.communications.email","action":"withdrawn","at":"2026-01-20T09:30:00+01:00","method":"form"}', 'd96f926c42fb2a4846a94b31b1a55e603052383dd7f4b453b20b61b16b9f58bd', '904e6381f69b2b8f586fd0dce66204d049eff6445bc861f43696bc7a761a5b71', 'd607751abd46a9796401963f128a6e2a667863192d2779d5bdfd1d0e3ffa57ce')
;
INSERT INTO idempotency_keys (key, job, result, done_at) VALUES ('bill/2026-01/subscription/sub-1', 'bill', 'renewed=true invoices=INV-000001,INV-000002', '2026-12-01T15:57:56.962803207Z')
;
INSERT INTO idempotency_keys (key, job, result, done_at) VALUES ('bill/2026-01/subscription/sub-2', 'bill', 'renewed=true invoices=INV-000003,INV-000004', '2026-12-01T15:57:56.977898275Z')
;
INSERT INTO idempotency_keys (key, job, result, done_at) VALUES ('bill/2026-01/collect/INV-000001', 'bill', '  invoice INV-000001 overdue since 2026-01-30: interest 0.00 DKK to 2026-01-31; demand no. 1 sent, fee 100.00', '2026-12-01T15:57:56.984278776Z')
;
INSERT INTO idempotency_keys (key, job, result, done_at) VALUES ('bill/2026-01/collect/INV-000003', 'bill', '  invoice INV-000003 overdue since 2026-01-30: interest 0.00 DKK to 2026-01-31; demand no. 1 sent, fee 100.00', '2026-12-01T15:57:56.986302049Z')
;
INSERT INTO idempotency_keys (key, job, result, done_at) VALUES ('bill/2026-02/subscription/sub-1', 'bill', 'renewed=true invoices=INV-000005', '2026-12-01T15:57:57.024268722Z')
;
INSERT INTO idempotency_keys (key, job, result, done_at) VALUES ('bill/2026-02/subscription/sub-2', 'bill', 'renewed=true invoices=INV-000006', '2026-12-01T15:57:57.028148298Z')
;
INSERT INTO idempotency_keys (key, job, result, done_at) VALUES ('bill/2026-02/collect/INV-000001', 'bill', '  invoice INV-000001 overdue since 2026-01-30: interest 4.14 DKK to 2026-02-28; demand no. 2 sent, fee 100.00', '2026-12-01T15:57:57.038086633Z')
;
INSERT INTO idempotency_keys (key, job, result, done_at) VALUES ('bill/2026-02/collect/INV-000003', 'bill', '  invoice INV-000003 overdue since 2026-01-30: interest 2.31 DKK to 2026-02-28; demand no. 2 sent, fee 100.00', '2026-12-01T15:57:57.043375701Z')
;
INSERT INTO idempotency_keys (key, job, result, done_at) VALUES ('bill/2026-03/subscription/sub-1', 'bill', 'renewed=true invoices=INV-000007', '2026-12-01T15:57:57.061145532Z')
;
INSERT INTO idempotency_keys (key, job, result, done_at) VALUES ('bill/2026-03/subscription/sub-2', 'bill', 'renewed=true invoices=INV-000008', '2026-12-01T15:57:57.064617960Z')
;
INSERT INTO idempotency_keys (key, job, result, done_at) VALUES ('bill/2026-03/collect/INV-000001', 'bill', '  invoice INV-000001 overdue since 2026-01-30: interest 8.63 DKK to 2026-03-31; demand no. 3 sent, fee 100.00', '2026-12-01T15:57:57.069295503Z')
;
INSERT INTO idempotency_keys (key, job, result, done_at) VALUES ('bill/2026-03/collect/INV-000003', 'bill', '  invoice INV-000003 overdue since 2026-01-30: interest 4.95 DKK to 2026-03-31; demand no. 3 sent, fee 100.00', '2026-12-01T15:57:57.075428241Z')
;
INSERT INTO idempotency_keys (key, job, result, done_at) VALUES ('bill/2026-03/collect/INV-000002', 'bill', '  invoice INV-000002 overdue since 2026-03-02: interest 5.81 DKK to 2026-03-31; demand no. 1 sent, fee 100.00', '2026-12-01T15:57:57.076629294Z')
;
INSERT INTO idempotency_keys (key, job, result, done_at) VALUES ('bill/2026-03/collect/INV-000004', 'bill', '  invoice INV-000004 overdue since 2026-03-02: interest 2.31 DKK to 2026-03-31; demand no. 1 sent, fee 100.00', '2026-12-01T15:57:57.078962092Z')
;
INSERT INTO idempotency_keys (key, job, result, done_at) VALUES ('bill/2026-03/collect/INV-000005', 'bill', '  invoice INV-000005 overdue since 2026-03-30: interest 0.00 DKK to 2026-03-31; demand no. 1 sent, fee 100.00', '2026-12-01T15:57:57.081709011Z')
;
INSERT INTO idempotency_keys (key, job, result, done_at) VALUES ('bill/2026-03/collect/INV-000006', 'bill', '  invoice INV-000006 overdue since 2026-03-30: interest 0.00 DKK to 2026-03-31; demand no. 1 sent, fee 100.00', '2026-12-01T15:57:57.084234308Z')
;
INSERT INTO idempotency_keys (key, job, result, done_at) VALUES ('bill/2026-04/subscription/sub-1', 'bill', 'renewed=true invoices=INV-000009', '2026-12-01T15:57:57.098481556Z')
;
INSERT INTO idempotency_keys (key, job, result, done_at) VALUES ('bill/2026-04/subscription/sub-2', 'bill', 'renewed=true invoices=INV-000010', '2026-12-01T15:57:57.102322364Z')
;
INSERT INTO idempotency_keys (key, job, result, done_at) VALUES ('bill/2026-04/collect/INV-000001', 'bill', '  invoice INV-000001 overdue since 2026-01-30: interest 12.85 DKK to 2026-04-30; demand no. 4 sent, fee 0', '2026-12-01T15:57:57.104911873Z')
;
INSERT INTO idempotency_keys (key, job, result, done_at) VALUES ('bill/2026-04/collect/INV-000003', 'bill', '  invoice INV-000003 overdue since 2026-01-30: interest 7.43 DKK to 2026-04-30; demand no. 4 sent, fee 0', '2026-12-01T15:57:57.106669926Z')
;
INSERT INTO idempotency_keys (key, job, result, done_at) VALUES ('bill/2026-04/collect/INV-000002', 'bill', '  invoice INV-000002 overdue since 2026-03-02: interest 12.04 DKK to 2026-04-30; demand no. 2 sent, fee 100.00', '2026-12-01T15:57:57.107474620Z')
;
INSERT INTO idempotency_keys (key, job, result, done_at) VALUES ('bill/2026-04/collect/INV-000004', 'bill', '  invoice INV-000004 overdue since 2026-03-02: interest 4.79 DKK to 2026-04-30; demand no. 2 sent, fee 100.00', '2026-12-01T15:57:57.108488071Z')
;
INSERT INTO idempotency_keys (key, job, result, done_at) VALUES ('bill/2026-04/collect/INV-000005', 'bill', '  invoice INV-000005 overdue since 2026-03-30: interest 6.23 DKK to 2026-04-30; demand no. 2 sent, fee 100.00', '2026-12-01T15:57:57.109667174Z')
;
INSERT INTO idempotency_keys (key, job, result, done_at) VALUES ('bill/2026-04/collect/INV-000006', 'bill', '  invoice INV-000006 overdue since 2026-03-30: interest 2.48 DKK to 2026-04-30; demand no. 2 sent, fee 100.00', '2026-12-01T15:57:57.110669727Z')
;
INSERT INTO outages (id, component, cause, impact, start_at, start_zone, end_at, end_zone) VALUES ('inc-1', 'api', '', 'unavailable', '2026-01-10T11:00:00.000000000Z', 'fixed 3600 ', '2026-01-10T11:43:00.000000000Z', 'fixed 3600 ')
;
INSERT INTO outages (id, component, cause, impact, start_at, start_zone, end_at, end_zone) VALUES ('inc-2', 'api', '', 'partial', '2026-01-12T07:00:00.000000000Z', 'fixed 3600 ', '', '')
;
INSERT INTO outages (id, component, cause, impact, start_at, start_zone, end_at, end_zone) VALUES ('inc-3', 'search', 'index', 'degraded', '2026-01-26T14:00:00.000000000Z', 'UTC', '2026-01-26T14:20:00.000000000Z', 'UTC')
;
INSERT INTO service_windows (id, kind, notified_at, notified_zone, start_at, start_zone, end_at, end_zone) VALUES ('mw-1', 'planned', '2026-01-16T21:00:00.000000000Z', 'fixed 3600 ', '2026-01-20T21:00:00.000000000Z', 'fixed 3600 ', '2026-01-20T22:00:00.000000000Z', 'fixed 3600 ')
;
INSERT INTO service_windows (id, kind, notified_at, notified_zone, start_at, start_zone, end_at, end_zone) VALUES ('fm-1', 'force-majeure', '', '', '2026-01-22T09:00:00.000000000Z', 'fixed 3600 ', '2026-01-22T10:30:00.000000000Z', 'fixed 3600 ')
;
INSERT INTO service_windows (id, kind, notified_at, notified_zone, start_at, start_zone, end_at, end_zone) VALUES ('em-1', 'emergency', '2026-01-25T08:00:00.000000000Z', 'Europe/Copenhagen', '2026-01-25T08:30:00.000000000Z', 'Europe/Copenhagen', '2026-01-25T09:00:00.000000000Z', 'Europe/Copenhagen')
;
INSERT INTO subject_requests (id, subject, kind, received, state, due) VALUES ('dsr-1', 'cust-1', 'access', '2026-01-31', 'extended', '2026-04-30')
;
INSERT INTO subject_request_events (request_id, seq, action, kind, on_date, from_state, to_state, due, reasons) VALUES ('dsr-1', 1, 'receive', 'access', '2026-01-31', '', 'received', '2026-03-02', '')
;
INSERT INTO subject_request_events (request_id, seq, action, kind, on_date, from_state, to_state, due, reasons) VALUES ('dsr-1', 2, 'extend', 'access', '2026-02-10', 'received', 'extended', '2026-04-30', 'complex request')
;
