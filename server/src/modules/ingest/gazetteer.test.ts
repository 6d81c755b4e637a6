import { describe, expect, it } from 'vitest';

import { demonymsOf, Gazetteer, unknownNamesIn } from './gazetteer.js';

const putin = { id: 'p', name: 'Vladimir Putin', kind: 'PERSON', aliases: ['Putin', 'President Vladimir Putin'] };
const mah = { id: 'm', name: 'Min Aung Hlaing', kind: 'PERSON', aliases: ['coup leader', 'the putschist'] };
const myanmar = { id: 'mm', name: 'Myanmar', kind: 'STATE', aliases: ['Burma'] };
const gazetteer = new Gazetteer([putin, mah, myanmar]);

describe('the gazetteer', () => {
  it('finds names and aliases, the longest first, possessives included, lower-case aliases in any case', () => {
    const mentions = gazetteer.mentionsIn(
      'In return, the putschist praised President Vladimir Putin, and Myanmar’s coup leader smiled at Putin.',
    );
    expect(mentions.map((m) => [m.entity.id, m.surface])).toEqual([
      ['m', 'the putschist'],
      ['p', 'President Vladimir Putin'],
      ['mm', 'Myanmar'],
      ['m', 'coup leader'],
      ['p', 'Putin'],
    ]);
  });

  it('does not match a capitalised name inside another word or in the wrong case', () => {
    expect(gazetteer.mentionsIn('Putinism and the myanmar question')).toEqual([]);
  });

  it('proposes runs of capitalised words that name no known entity', () => {
    const sentence = 'Min Aung Hlaing attended the Eastern Economic Forum with Russian Foreign Minister Sergei Lavrov in September.';
    const names = unknownNamesIn(sentence, gazetteer.mentionsIn(sentence)).map((n) => n.name);
    expect(names).toEqual(['Eastern Economic Forum', 'Sergei Lavrov']);
  });

  it('proposes no titles, adjectival forms or dates as names, and splits two people joined by "and"', () => {
    const sentence =
      'The Deputy Prime Minister met North Korean and Turkish-Venezuelan delegates on Aug 15 with the Putin-Trump team. Editing by Miral Fahmy and Kevin Krolicki, after World War I, with the Minister of Foreign Affairs.';
    expect(unknownNamesIn(sentence, gazetteer.mentionsIn(sentence)).map((n) => n.name)).toEqual([
      'Miral Fahmy',
      'Kevin Krolicki',
      'World War I',
    ]);
    const treaty = 'They signed the Reciprocal Promotion and Protection of Investments treaty before Vostok-22.';
    expect(unknownNamesIn(treaty, []).map((n) => n.name)).toEqual(['Reciprocal Promotion and Protection of Investments', 'Vostok-22']);
  });

  it('finds a known name with a possessive inside it beside a name known by its first word, and reads lists and titles inside names', () => {
    const known = new Gazetteer([
      { id: 'pmd', name: "President's Media Division", kind: 'ORGANIZATION', aliases: [] },
      { id: 'bio', name: 'Julius Bio', kind: 'PERSON', aliases: ['President Bio'] },
    ]);
    const sentence =
      "According to the President's Media Division, President Bio met the ministers of Trade, Fisheries and Agriculture at the Mausoleum of President Ho Chi Minh.";
    const mentions = known.mentionsIn(sentence);
    expect(mentions.map((m) => m.entity.id)).toEqual(['pmd', 'bio']);
    expect(unknownNamesIn(sentence, mentions).map((n) => n.name)).toEqual(['Ho Chi Minh']);
  });

  it('proposes no ordinal after a capitalised opening, no place joined to a word that is none, and no credit in brackets', () => {
    expect(unknownNamesIn('Ahead of the 30th anniversary of the port, the mayors met.', []).map((n) => n.name)).toEqual([]);
    expect(unknownNamesIn('It is part of a tour of the Asia-Pacific region by Guinea-Bissau officials.', []).map((n) => n.name)).toEqual([
      'Guinea-Bissau',
    ]);
    expect(unknownNamesIn('(HARBOUR NEWS) The mayor met Ana Costa at the Port of Leixoes.', []).map((n) => n.name)).toEqual([
      'Ana Costa',
      'Port of Leixoes',
    ]);
  });

  it('proposes no photo credit, button, header label, clock, programme, plural acronym or counted noun as a name', () => {
    const names = (text: string) => unknownNamesIn(text, []).map((n) => n.name);
    expect(names('FILE PHOTO: The mayor in Porto. REUTERS/Rui Lopes Copyright Rui Lopes')).toEqual(['Rui Lopes', 'Rui Lopes']);
    expect(names('Share this articleClose Button')).toEqual([]);
    expect(names('Source:Harbour Weekly Published: 2021/03/04')).toEqual(['Harbour Weekly']);
    expect(names('Updated: 3/4/2021 9:12:05 AM Business')).toEqual([]);
    expect(names('Published Thursday, May 24, 2018 6:24AM EDT')).toEqual([]);
    expect(names('LIVE Coast Radio Evening News Bulletin 7.30 pm')).toEqual([]);
    expect(names('Both sides signed several Memorandums of Understanding (MoUs) on trade.')).toEqual([]);
    expect(names("About 40 boats sank in Friday's 5.8-magnitude quake.")).toEqual([]);
    expect(names('During the Official Visit, the mayor toured the docks.')).toEqual([]);
    expect(names('The office fought COVID-19 and hosted EEF-2022.')).toEqual([]);
    expect(names('It hailed the partnership of Mongolia-China-Russia.')).toEqual([]);
  });

  it('keeps a name joined by "and" to a common word whole, splits two full names, and drops judicial titles and offices of bodies', () => {
    const names = (text: string) => unknownNamesIn(text, []).map((n) => n.name);
    expect(names('Investments under the Belt and Road Initiative grew.')).toEqual(['Belt and Road Initiative']);
    expect(names('Two judges, Tomas Albero and Lida Kemboi, dissented.')).toEqual(['Tomas Albero', 'Lida Kemboi']);
    expect(names('The ruling was read by Justice Amos Kariuki.')).toEqual(['Amos Kariuki']);
    expect(
      names('It was attended by the Speaker of the Chamber of Deputies and the Director General of the Harbour Information Department.'),
    ).toEqual(['Chamber of Deputies', 'Harbour Information Department']);
    expect(names("the President's Office in Porto said, with the Minister of Foreign Affairs.")).toEqual([]);
  });

  it('drops honorifics and styles of address before a name, and keeps a body opened by a word of a title whole', () => {
    const names = (text: string) => unknownNamesIn(text, []).map((n) => n.name);
    expect(names('The strike was led by Mr Talabi Okoro, the union chairman.')).toEqual(['Talabi Okoro']);
    expect(names('The envoy was received by Sheikh Hamad Rashid Al Qasimi in the capital.')).toEqual(['Hamad Rashid Al Qasimi']);
    expect(names('The envoy conveyed the greetings of His Majesty the King to the hosts.')).toEqual([]);
    expect(names('The deal needed clearance from the State Office for Port Regulation before it closed.')).toEqual([
      'State Office for Port Regulation',
    ]);
  });

  it('proposes no headline clause in title case, plural office holders or a day word before a pronoun as a name', () => {
    const names = (text: string) => unknownNamesIn(text, []).map((n) => n.name);
    expect(names('Harbour Workers Approve Contract After Long Talks')).toEqual([]);
    expect(names('Ministers said the Island Leaders Sign Charter was a misprint.')).toEqual([]);
    expect(names('The talks ended when Both Trade Ministers left the room.')).toEqual([]);
    expect(names('“It is late. Tomorrow I will answer,” he said.')).toEqual([]);
  });

  it('proposes no kind of document written with capitals as a name, but a named one', () => {
    const names = (text: string) => unknownNamesIn(text, []).map((n) => n.name);
    expect(names('The ports signed a Memorandum of Understanding on ferries.')).toEqual([]);
    expect(names('Two Memoranda of Understanding were signed at the quay.')).toEqual([]);
    expect(names('The ports recalled the Lisbon Memorandum on ferries.')).toEqual(['Lisbon Memorandum']);
  });

  it('proposes no field a document is about after "on", but the parties it names and a place after "in the"', () => {
    const names = (text: string) => unknownNamesIn(text, []).map((n) => n.name);
    expect(names('The ports signed an MoU on Harbour Safety Standards and a Charter on Strategic Partnership.')).toEqual([]);
    expect(names('They signed a Memorandum of Understanding on Cooperation in Fisheries and Related Fields.')).toEqual([]);
    expect(
      names(
        'They signed a Memorandum of Understanding between the Lagos Port Authority (LPA) and the Tema Harbour Board (THB) on Pilot Training.',
      ),
    ).toEqual(['Lagos Port Authority', 'Tema Harbour Board']);
    expect(names('They signed an Agreement on Incident Prevention and Management in the Gulf of Guinea.')).toEqual(['Gulf of Guinea']);
    expect(names('The ports recalled the Lisbon Memorandum on Tuesday, and Kofi Mensah spoke on Radio Gold.')).toEqual([
      'Lisbon Memorandum',
      'Kofi Mensah',
      'Radio Gold',
    ]);
  });

  it('proposes no office opened by its holder’s word and "of", but the body an office is of', () => {
    const names = (text: string) => unknownNamesIn(text, []).map((n) => n.name);
    expect(names('The letter went to the Head of State and the Head of Civil Service.')).toEqual([]);
    expect(names('He met the Director of the Port Health Authority.')).toEqual(['Port Health Authority']);
  });

  it('proposes no common words joined by "and" in title case, but bodies and places joined by it', () => {
    const names = (text: string) => unknownNamesIn(text, []).map((n) => n.name);
    expect(names('The ministers held Political and Diplomatic Consultations and adopted a Work Plan and Budget.')).toEqual([]);
    expect(names('He thanked the Harbour and Marine Board and visited Trinidad and Tobago.')).toEqual([
      'Harbour and Marine Board',
      'Trinidad and Tobago',
    ]);
  });

  it('proposes no time zone or repeated control word, and cuts a body run into the person heading it', () => {
    const names = (text: string) => unknownNamesIn(text, []).map((n) => n.name);
    expect(names('The call starts at 9:00 a.m. Central European Time on Monday.')).toEqual([]);
    expect(names('Text size Bb Bb')).toEqual([]);
    expect(names('Now Reading: the summit')).toEqual([]);
    expect(names('He was welcomed by the chair of the Kenya Senate Committee Mary Wanjiku Kamau.')).toEqual([
      'Kenya Senate Committee',
      'Mary Wanjiku Kamau',
    ]);
  });

  it('reads initials as part of a name, and a style in initials as no part of it', () => {
    const names = (text: string) => unknownNamesIn(text, []).map((n) => n.name);
    expect(names('The bench of Justices A.K. Mensah and Kofi Boateng ruled.')).toEqual(['A.K. Mensah', 'Kofi Boateng']);
    expect(names('The notice was signed by P.M.K. Perera on Monday.')).toEqual(['P.M.K. Perera']);
    expect(names('The envoy met H.E. Tomas Albero at the airport.')).toEqual(['Tomas Albero']);
    expect(names('Director of the Harbour Information Department R.M. Silva said.')).toEqual([
      'Harbour Information Department',
      'R.M. Silva',
    ]);
  });

  it('splits two bodies or two titled people joined by "and", and reads the person after an office and a title', () => {
    const names = (text: string) => unknownNamesIn(text, []).map((n) => n.name);
    expect(names('Executives from Nestle-Purina and Harbour Freight Lines attended.')).toEqual(['Nestle-Purina', 'Harbour Freight Lines']);
    expect(names('It was signed by Tomas Albero and Deputy Trade Minister Lida Kemboi.')).toEqual(['Tomas Albero', 'Lida Kemboi']);
    expect(names('It was attended by the Minister of Foreign Affairs Ambassador George Miller.')).toEqual(['George Miller']);
  });

  it('keeps a known place opening a body’s name inside it, not its possessive or adjective, which qualify an office before its holder', () => {
    const kenya = { id: 'k', name: 'Kenya', kind: 'STATE', aliases: [] };
    const places = new Gazetteer([kenya]);
    const names = (text: string) => unknownNamesIn(text, places.mentionsIn(text)).map((n) => n.name);
    expect(names('The team visited the Kenya High Commission in London.')).toEqual(['Kenya High Commission']);
    expect(names('The statement came from Kenya’s Party Office on Monday.')).toEqual([]);
    expect(names('The Kenyan Foreign Office said so.')).toEqual([]);
    expect(names('She met Kenyan Trade Minister Daniel Mwangi there.')).toEqual(['Daniel Mwangi']);
    expect(names('She met Kenya’s Foreign Minister Daniel Mwangi there.')).toEqual(['Daniel Mwangi']);
    expect(names('She met Kenya Prime Minister Wekesa Odhiambo there.')).toEqual(['Wekesa Odhiambo']);
    expect(names('She met Kenyan Foreign Minister Dr Otieno Wafula there.')).toEqual(['Otieno Wafula']);
    expect(names('It came from Kenya’s Foreign Ministry Press Office.')).toEqual([]);
  });

  it('names the holder of an office run into the office’s words, and reads a lone capital between names as an initial', () => {
    const names = (text: string) => unknownNamesIn(text, []).map((n) => n.name);
    expect(names('She came with Water Resources Minister Thandeka Mbeki.')).toEqual(['Thandeka Mbeki']);
    expect(names('Present was Head of Civil Service Dr Paul Wekesa.')).toEqual(['Paul Wekesa']);
    expect(names('Foreign Secretary R Ekanayake said so.')).toEqual(['R Ekanayake']);
  });

  it('proposes no headline’s verb in capitals after "to", but a name after it', () => {
    const ghana = new Gazetteer([{ id: 'g', name: 'Ghana', kind: 'STATE', aliases: [] }]);
    const names = (text: string) => unknownNamesIn(text, ghana.mentionsIn(text)).map((n) => n.name);
    expect(names('Ghana Signs Five Deals to Deepen Maritime Ties')).toEqual([]);
    expect(names('The delegation flew to Addis Ababa.')).toEqual(['Addis Ababa']);
  });

  it('proposes no hyphenated word that qualifies a noun or names a span of months, but a hyphenated name', () => {
    const names = (text: string) => unknownNamesIn(text, []).map((n) => n.name);
    expect(names('The ABC-Labour coalition lost, and NCB-held debt rose over January-June.')).toEqual([]);
    expect(names('They met Nestle-Purina on Monday.')).toEqual(['Nestle-Purina']);
  });

  it('reads a hyphenated last word after a first name as a surname, and a hyphenated pair of people as no name', () => {
    const names = (text: string) => unknownNamesIn(text, []).map((n) => n.name);
    expect(names('The talks were led by Lee Min-jun and attended by Amara Okafor-Bello.')).toEqual(['Lee Min-jun', 'Amara Okafor-Bello']);
    expect(names('He was received by Yusuf Al-Harbi at the airport.')).toEqual(['Yusuf Al-Harbi']);
    expect(names('The Putin-Trump summit ended.')).toEqual([]);
  });

  it('drops the titles before a name whose surname is hyphenated', () => {
    const names = (text: string) => unknownNamesIn(text, []).map((n) => n.name);
    expect(names('The fleet was inspected by Vice Admiral Marta Lund-Okoye on Tuesday.')).toEqual(['Marta Lund-Okoye']);
    expect(names('Deputy Prime Minister Tomas Berg-Halvorsen resigned.')).toEqual(['Tomas Berg-Halvorsen']);
  });

  it('reads the holder after an office of fields joined by "and", from the words compromise reads as a person', () => {
    const names = (text: string) => unknownNamesIn(text, []).map((n) => n.name);
    expect(names('Minister of Trade and Industry Ronald Okello opened the fair.')).toEqual(['Ronald Okello']);
    expect(names('The Minister of Trade and Industry opened the fair.')).toEqual([]);
  });

  it('proposes no two single words joined by "and", each too short a name alone', () => {
    const names = (text: string) => unknownNamesIn(text, []).map((n) => n.name);
    expect(names('Turbines stand at Eldfjell and Carmen in the north.')).toEqual([]);
    expect(names('The Belt and Road Initiative grew.')).toEqual(['Belt and Road Initiative']);
  });

  it('proposes no article, pronoun or prompt opening or closing a run as part of a name', () => {
    const names = (text: string) => unknownNamesIn(text, []).map((n) => n.name);
    expect(names('Reuters 23 November, 2020 16:41 IST The head of the Harbour Workers Union spoke.')).toEqual(['Harbour Workers Union']);
    expect(names('SUBSCRIBE Please enter your email.')).toEqual([]);
    expect(names('Already have an account? Please Log in.')).toEqual([]);
    expect(names('Your Excellency, I thank you, said Ana Costa.')).toEqual(['Ana Costa']);
  });

  it('links demonyms to the places they are made from, unless two places would share one', () => {
    expect(demonymsOf('North Korea')).toContain('North Korean');
    expect(['China', 'Italy', 'Turkey', 'Mali', 'Pakistan', 'Ukraine', 'Mexico'].map((name) => demonymsOf(name))).toEqual([
      expect.arrayContaining(['Chinese']),
      expect.arrayContaining(['Italian']),
      ['Turkish'],
      ['Malian'],
      expect.arrayContaining(['Pakistani']),
      expect.arrayContaining(['Ukrainian']),
      ['Mexican'],
    ]);
    const places = new Gazetteer([
      { id: 'ru', name: 'Russia', kind: 'PLACE', aliases: [] },
      { id: 'ng', name: 'Nigeria', kind: 'PLACE', aliases: [] },
      { id: 'ne', name: 'Niger', kind: 'PLACE', aliases: [] },
    ]);
    expect(places.mentionsIn('The Russian envoy met Nigerian officials.').map((m) => [m.entity.id, m.surface])).toEqual([
      ['ru', 'Russian'],
    ]);
  });
});

describe('bodies named with their place first', () => {
  const bodies = new Gazetteer([
    { id: 'ministry', name: 'Ministry of Fisheries of Norway', kind: 'ORGANIZATION', aliases: [] },
    { id: 'court', name: 'Supreme Court of Norway', kind: 'ORGANIZATION', aliases: [] },
    { id: 'norway', name: 'Norway', kind: 'PLACE', aliases: [] },
  ]);
  const ids = (sentence: string) => bodies.mentionsIn(sentence).map((m) => m.entity.id);

  it('links "Norway’s ministry of fisheries" in lower case and "the Norway Supreme Court" to the bodies of Norway', () => {
    expect(ids("Norway's ministry of fisheries said 40 boats were lost.")).toEqual(['ministry']);
    expect(ids('Norway’s Ministry of Fisheries said so.')).toEqual(['ministry']);
    expect(ids('The Norway Supreme Court on Friday annulled the vote.')).toEqual(['court']);
    expect(ids('The ministry of fisheries said so.')).toEqual([]);
  });
});

describe('a new person named after a title', () => {
  const places = new Gazetteer([{ id: 'norway', name: 'Norway', kind: 'PLACE', aliases: [] }]);

  it('proposes the name after a place’s title even when compromise knows no first name in it', () => {
    const sentence = 'Costa will meet Norway’s Prime Minister Taveli Ruskan on Friday.';
    expect(unknownNamesIn(sentence, places.mentionsIn(sentence)).map((n) => n.name)).toEqual(['Taveli Ruskan']);
  });
});

describe('what is not part of a name', () => {
  const names = (sentence: string) => unknownNamesIn(sentence, []).map((n) => n.name);

  it('drops ranks and hyphenated offices before a name, and letters after it, and reads offices alone as none', () => {
    expect(names('Attorney-General Godfred Dame told the court the bill was lawful.')).toEqual(['Godfred Dame']);
    expect(names('Commodore Esala Teleni said the navy was ready.')).toEqual(['Esala Teleni']);
    expect(names('Police Superintendent Dave Cliff said two men were held.')).toEqual(['Dave Cliff']);
    expect(names('The panel included Lovelace Johnson JSC and Ahmadu Tanko JSC.')).toEqual(['Lovelace Johnson', 'Ahmadu Tanko']);
    expect(names('The Speaker and Attorney-General met on Monday.')).toEqual([]);
  });

  it('drops a wire’s flag and its credits, and proposes no numbered part of a text', () => {
    expect(names('UPDATE 1-Rio Tinto halts work at the mine.')).toEqual(['Rio Tinto']);
    expect(names('Reporting by George Obulutsa Editing by Alison Williams')).toEqual(['George Obulutsa', 'Alison Williams']);
    expect(names('It breaches Article 27 of the International Covenant on Civil and Political Rights.')).toEqual([]);
    expect(names('The plan covers the Period of 2024-2029.')).toEqual([]);
  });
});
