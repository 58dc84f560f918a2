-- The pilot line: site "pilot", line L1, one area per part of the process chain.
insert into equipment (id, name, equipment_class, site, area, line) values
    ('SYN-01',      'Argyrodite synthesis reactor',  'ELECTROLYTE_SYNTHESIS', 'pilot', 'electrolyte', 'L1'),
    ('SEFILM-01',   'Solid-electrolyte film line',   'ELECTROLYTE_FILM_LINE', 'pilot', 'electrolyte', 'L1'),
    ('GLOVEBOX-01', 'Electrolyte glovebox',          'GLOVEBOX',              'pilot', 'electrolyte', 'L1'),
    ('MIX-01',      'Composite cathode mixer',       'MIXER',                 'pilot', 'electrode',   'L1'),
    ('COAT-01',     'Cathode coater',                'COATER',                'pilot', 'electrode',   'L1'),
    ('CAL-01',      'Calender',                      'CALENDER',              'pilot', 'electrode',   'L1'),
    ('SLIT-01',     'Slitter',                       'SLITTER',               'pilot', 'electrode',   'L1'),
    ('DRYROOM-01',  'Dry room',                      'DRY_ROOM',              'pilot', 'assembly',    'L1'),
    ('STACK-01',    'Stacker',                       'STACKER',               'pilot', 'assembly',    'L1'),
    ('PRESS-01',    'Warm isostatic press',          'ISOSTATIC_PRESS',       'pilot', 'assembly',    'L1'),
    ('SEAL-01',     'Pouch sealer',                  'SEALER',                'pilot', 'assembly',    'L1'),
    ('LEAK-01',     'Leak and H2S tester',           'LEAK_TESTER',           'pilot', 'assembly',    'L1'),
    ('FORM-01',     'Formation cycler with fixture', 'FORMATION_CYCLER',      'pilot', 'formation',   'L1'),
    ('AGE-01',      'Aging chamber',                 'AGING_CHAMBER',         'pilot', 'formation',   'L1'),
    ('GRADE-01',    'Grading tester (OCV, ACIR)',    'GRADING_TESTER',        'pilot', 'formation',   'L1');
