-- The caseload (API-v3 §9). A case is found by its reference, the end of its id's text (CaseReference.IdEndOf).
CREATE INDEX ix_cases_reference ON cases ((right(replace(CAST(id AS text), '-', ''), 10)));

-- Names, kana and nickname as a search compares them, kept beside the person: NFKC, lower case, hiragana as katakana
-- (ListCasesQuery folds the words the same way).
ALTER TABLE persons ADD COLUMN name_search TEXT GENERATED ALWAYS AS (
    translate(lower(normalize(
        coalesce(family_name, '') || coalesce(given_name, '') || ' ' || coalesce(family_name_kana, '') || coalesce(given_name_kana, '')
        || ' ' || coalesce(nickname, ''), NFKC)),
        'ぁあぃいぅうぇえぉおかがきぎくぐけげこごさざしじすずせぜそぞただちぢっつづてでとどなにぬねのはばぱひびぴふぶぷへべぺほぼぽまみむめもゃやゅゆょよらりるれろゎわゐゑをんゔゕゖ',
        'ァアィイゥウェエォオカガキギクグケゲコゴサザシジスズセゼソゾタダチヂッツヅテデトドナニヌネノハバパヒビピフブプヘベペホボポマミムメモャヤュユョヨラリルレロヮワヰヱヲンヴヵヶ')) STORED;
