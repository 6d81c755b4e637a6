/**
 * Words the generated corpus is made of, in the register of the seed article: regional diplomacy, defence and
 * energy reported second-hand, with curly quotes, relative dates and the odd bit of page furniture.
 */

export const STATES: ReadonlyArray<{ name: string; adjective: string; capital: string }> = [
  { name: 'Myanmar', adjective: 'Myanmar', capital: 'Naypyidaw' },
  { name: 'Russia', adjective: 'Russian', capital: 'Moscow' },
  { name: 'China', adjective: 'Chinese', capital: 'Beijing' },
  { name: 'India', adjective: 'Indian', capital: 'New Delhi' },
  { name: 'Thailand', adjective: 'Thai', capital: 'Bangkok' },
  { name: 'Cambodia', adjective: 'Cambodian', capital: 'Phnom Penh' },
  { name: 'Laos', adjective: 'Lao', capital: 'Vientiane' },
  { name: 'Vietnam', adjective: 'Vietnamese', capital: 'Hanoi' },
  { name: 'Malaysia', adjective: 'Malaysian', capital: 'Kuala Lumpur' },
  { name: 'Indonesia', adjective: 'Indonesian', capital: 'Jakarta' },
  { name: 'the Philippines', adjective: 'Philippine', capital: 'Manila' },
  { name: 'Singapore', adjective: 'Singaporean', capital: 'Singapore' },
  { name: 'Bangladesh', adjective: 'Bangladeshi', capital: 'Dhaka' },
  { name: 'Pakistan', adjective: 'Pakistani', capital: 'Islamabad' },
  { name: 'Sri Lanka', adjective: 'Sri Lankan', capital: 'Colombo' },
  { name: 'Nepal', adjective: 'Nepali', capital: 'Kathmandu' },
  { name: 'Japan', adjective: 'Japanese', capital: 'Tokyo' },
  { name: 'South Korea', adjective: 'South Korean', capital: 'Seoul' },
  { name: 'North Korea', adjective: 'North Korean', capital: 'Pyongyang' },
  { name: 'Mongolia', adjective: 'Mongolian', capital: 'Ulaanbaatar' },
  { name: 'Kazakhstan', adjective: 'Kazakh', capital: 'Astana' },
  { name: 'Uzbekistan', adjective: 'Uzbek', capital: 'Tashkent' },
  { name: 'Iran', adjective: 'Iranian', capital: 'Tehran' },
  { name: 'Turkey', adjective: 'Turkish', capital: 'Ankara' },
  { name: 'Belarus', adjective: 'Belarusian', capital: 'Minsk' },
  { name: 'Ukraine', adjective: 'Ukrainian', capital: 'Kyiv' },
  { name: 'Serbia', adjective: 'Serbian', capital: 'Belgrade' },
  { name: 'Hungary', adjective: 'Hungarian', capital: 'Budapest' },
  { name: 'Egypt', adjective: 'Egyptian', capital: 'Cairo' },
  { name: 'Ethiopia', adjective: 'Ethiopian', capital: 'Addis Ababa' },
  { name: 'Mali', adjective: 'Malian', capital: 'Bamako' },
  { name: 'South Africa', adjective: 'South African', capital: 'Pretoria' },
  { name: 'Brazil', adjective: 'Brazilian', capital: 'Brasília' },
  { name: 'Venezuela', adjective: 'Venezuelan', capital: 'Caracas' },
  { name: 'Cuba', adjective: 'Cuban', capital: 'Havana' },
  { name: 'Nicaragua', adjective: 'Nicaraguan', capital: 'Managua' },
  { name: 'the United States', adjective: 'American', capital: 'Washington' },
  { name: 'the United Kingdom', adjective: 'British', capital: 'London' },
  { name: 'France', adjective: 'French', capital: 'Paris' },
  { name: 'Germany', adjective: 'German', capital: 'Berlin' },
  { name: 'Australia', adjective: 'Australian', capital: 'Canberra' },
  { name: 'Saudi Arabia', adjective: 'Saudi', capital: 'Riyadh' },
  { name: 'the United Arab Emirates', adjective: 'Emirati', capital: 'Abu Dhabi' },
  { name: 'Qatar', adjective: 'Qatari', capital: 'Doha' },
  { name: 'Algeria', adjective: 'Algerian', capital: 'Algiers' },
  { name: 'Syria', adjective: 'Syrian', capital: 'Damascus' },
];

export const CITIES = [
  'Vladivostok', 'Naypyidaw', 'Yangon', 'Mandalay', 'Moscow', 'St Petersburg', 'Kazan', 'Novosibirsk', 'Khabarovsk',
  'Sochi', 'Murmansk', 'Beijing', 'Shanghai', 'Kunming', 'Chengdu', 'New Delhi', 'Mumbai', 'Kolkata', 'Bangkok',
  'Chiang Mai', 'Phnom Penh', 'Siem Reap', 'Vientiane', 'Hanoi', 'Ho Chi Minh City', 'Da Nang', 'Kuala Lumpur',
  'Jakarta', 'Surabaya', 'Manila', 'Cebu', 'Singapore', 'Dhaka', 'Chittagong', 'Islamabad', 'Karachi', 'Colombo',
  'Kathmandu', 'Tokyo', 'Osaka', 'Seoul', 'Busan', 'Pyongyang', 'Ulaanbaatar', 'Astana', 'Almaty', 'Tashkent',
  'Samarkand', 'Tehran', 'Ankara', 'Istanbul', 'Minsk', 'Kyiv', 'Belgrade', 'Budapest', 'Cairo', 'Addis Ababa',
  'Bamako', 'Pretoria', 'Durban', 'Brasília', 'Caracas', 'Havana', 'Managua', 'Washington', 'London', 'Paris',
  'Berlin', 'Canberra', 'Riyadh', 'Abu Dhabi', 'Dubai', 'Doha', 'Algiers', 'Damascus', 'Sittwe', 'Kyaukphyu',
  'Dawei', 'Myitkyina', 'Lashio', 'Taunggyi', 'Bago', 'Pathein', 'Mawlamyine', 'Irkutsk', 'Yekaterinburg',
];

export const PLACE_FORMS = ['{city}', 'the {city} region', 'the port of {city}', '{city} airport', 'the {city} special economic zone', '{city} district', 'the {city} naval base'];

export const BURMESE_SYLLABLES = [
  'Aung', 'Min', 'Hlaing', 'Soe', 'Win', 'Kyaw', 'Zaw', 'Than', 'Shwe', 'Tun', 'Myint', 'Thein', 'Naing', 'Htay', 'Moe',
  'Nyi', 'Zin', 'Thura', 'Ye', 'Lwin', 'Oo', 'Maung', 'Hla', 'Tin', 'Khin', 'Nwe', 'Su', 'Mya', 'Thet', 'Wai', 'Phyo',
  'Htet', 'Ko', 'Pyae', 'Sein', 'Myo', 'Nyunt', 'Thant', 'Sann', 'Yan', 'Paing', 'Lin', 'Htun', 'Wunna', 'Zeya',
];
export const RUSSIAN_FIRST = [
  'Sergei', 'Dmitry', 'Alexei', 'Vladimir', 'Nikolai', 'Mikhail', 'Yevgeny', 'Anatoly', 'Andrei', 'Igor', 'Oleg',
  'Viktor', 'Yuri', 'Pavel', 'Maxim', 'Konstantin', 'Denis', 'Roman', 'Valentina', 'Maria', 'Elvira', 'Tatiana',
  'Olga', 'Irina', 'Natalia', 'Grigory', 'Ilya', 'Boris', 'Leonid', 'Vasily',
];
export const RUSSIAN_LAST = [
  'Lavrov', 'Shoigu', 'Medvedev', 'Patrushev', 'Peskov', 'Ryabkov', 'Rudenko', 'Kozlov', 'Volkov', 'Sokolov',
  'Likhachev', 'Novak', 'Manturov', 'Siluanov', 'Belousov', 'Gerasimov', 'Trutnev', 'Chekunkov', 'Oreshkin',
  'Mishustin', 'Matviyenko', 'Nabiullina', 'Kiriyenko', 'Ushakov', 'Zakharova', 'Galuzin', 'Morgulov', 'Borodavkin',
  'Fomin', 'Shugaev', 'Chemezov', 'Sechin', 'Miller', 'Tokarev', 'Dvorkovich', 'Reshetnikov', 'Golikova', 'Kobyakov',
];
export const OTHER_FIRST = [
  'Hun', 'Prayut', 'Anwar', 'Joko', 'Ferdinand', 'Sheikh', 'Shehbaz', 'Ranil', 'Pushpa', 'Fumio', 'Yoon', 'Kim',
  'Kassym', 'Shavkat', 'Ebrahim', 'Recep', 'Alexander', 'Aleksandar', 'Viktor', 'Abdel', 'Abiy', 'Assimi', 'Cyril',
  'Luiz', 'Nicolás', 'Daniel', 'Wang', 'Li', 'Zhao', 'Chen', 'Subrahmanyam', 'Rajnath', 'Retno', 'Prabowo', 'Don',
  'Marise', 'Faisal', 'Tamim', 'Bashar', 'Nguyen', 'Pham', 'Saleumxay', 'Sonexay', 'Vivian', 'Lawrence',
];
export const OTHER_LAST = [
  'Sen', 'Manet', 'Chan-o-cha', 'Ibrahim', 'Widodo', 'Marcos', 'Hasina', 'Sharif', 'Wickremesinghe', 'Dahal',
  'Kishida', 'Suk-yeol', 'Jong-un', 'Tokayev', 'Mirziyoyev', 'Raisi', 'Erdogan', 'Lukashenko', 'Vucic', 'Orban',
  'al-Sisi', 'Ahmed', 'Goita', 'Ramaphosa', 'da Silva', 'Maduro', 'Ortega', 'Yi', 'Qiang', 'Jaishankar', 'Singh',
  'Marsudi', 'Subianto', 'Pramudwinai', 'Payne', 'bin Farhan', 'Al Thani', 'al-Assad', 'Phu Trong', 'Minh Chinh',
  'Kommasith', 'Siphandone', 'Balakrishnan', 'Wong', 'Kyaw Tint', 'Thaung',
];
export const TITLES = ['Senior General', 'General', 'Vice-Senior General', 'Lieutenant General', 'Minister', 'Deputy Minister', 'Ambassador', 'President', 'Prime Minister', 'Foreign Minister', 'Defence Minister', 'Energy Minister', 'Admiral', 'Governor'];
export const ROLES = [
  'Foreign Minister of {state}', 'Defence Minister of {state}', 'Minister of Energy of {state}', 'head of the armed forces of {state}',
  'President of {state}', 'Prime Minister of {state}', 'Deputy Foreign Minister of {state}', "{adjective} ambassador to {other}",
  'chairman of {org}', 'director general of {org}', 'spokesperson of the {adjective} foreign ministry', 'governor of {city}',
];

export const ORG_FORMS = [
  'the {adjective} Ministry of Foreign Affairs', 'the {adjective} Ministry of Defence', 'the {adjective} Ministry of Energy',
  'the {adjective} armed forces', 'the {adjective} navy', 'the {adjective} Atomic Energy Agency', 'the {adjective} Chamber of Commerce',
  'the {adjective} Investment Commission', 'the {city} Shipyard', 'the {city} Refinery', 'the {city} Aviation Plant',
  '{city} Port Authority', 'the {adjective}-{adjective2} Intergovernmental Commission', 'the {adjective}-{adjective2} Friendship Society',
  'the {adjective} State Oil Company', '{city} Development Bank', 'the {adjective} Institute of Strategic Studies',
  'the {city} Economic Forum', 'the {adjective} election commission', 'the {adjective} state news agency',
];
export const ORG_NOUNS = ['Energy', 'Holdings', 'Logistics', 'Defence Systems', 'Petroleum', 'Nuclear', 'Shipping', 'Power', 'Mining', 'Telecom', 'Aerospace', 'Rail', 'Grain', 'Fertiliser'];
export const ORG_PREFIXES = ['Rosa', 'Zarub', 'Trans', 'Inter', 'Yuzh', 'Dal', 'Sever', 'Mekong', 'Irrawaddy', 'Andaman', 'Golden', 'Pacific', 'Eurasia', 'Sino', 'Indo', 'Baltic', 'Amur', 'Tenasserim', 'Salween', 'Arakan'];

export const UNNAMED = [
  'a presidential aide', 'a senior diplomat', 'diplomatic sources', 'a government spokesman', 'officials familiar with the talks',
  'a military source', 'a person close to the negotiations', 'local media', 'state media', 'an industry analyst', "the article's author (unnamed)",
];

export const ISSUES = [
  'international and regional issues', 'the situation in Ukraine', 'maritime security in the Andaman Sea', 'Western sanctions',
  'the reform of the United Nations Security Council', 'energy security', 'the fight against terrorism', 'nuclear non-proliferation',
  'food security', 'the settlement of trade in national currencies', 'the development of the Northern Sea Route', 'cyber security',
];
export const TOPICS = ['energy cooperation', 'defence ties', 'political assistance', 'nuclear energy', 'trade and investment', 'military-technical cooperation', 'education and culture', 'agriculture', 'transport links', 'tourism', 'information security', 'space research'];
export const COMMODITIES = ['crude oil', 'liquefied natural gas', 'diesel fuel', 'wheat', 'fertiliser', 'coal', 'rice', 'rare earths', 'timber', 'gold'];
export const WEAPONS = ['Su-30 fighter jets', 'Yak-130 trainer aircraft', 'Mi-17 helicopters', 'Pantsir air-defence systems', 'Orlan-10 drones', 'armoured vehicles', 'artillery shells', 'patrol boats', 'radar stations', 'small arms'];
export const EXERCISES = ['Vostok', 'Zapad', 'Kavkaz', 'Tsentr', 'Indra', 'Peace Mission', 'Maritime Interaction', 'Cobra Gold', 'Golden Eagle', 'Mekong Shield'];
export const FORUMS = ['the Eastern Economic Forum', 'the St Petersburg International Economic Forum', 'the Moscow Conference on International Security', 'the ASEAN Regional Forum', 'the Shanghai Cooperation Organisation summit', 'the East Asia Summit', 'the Army Games', 'the BRICS summit', 'the Valdai Discussion Club'];
export const QUOTES = [
  'our long-standing and reliable partner in {region}', 'a friend in difficult times', 'evolving in a positive way', 'a new stage in our relations',
  'a strategic partnership based on mutual respect', 'unacceptable interference in our internal affairs', 'a historic step for both our peoples',
  'stabilize the country', 'an example of equal cooperation', 'a matter of national sovereignty', 'ready to help in every possible way',
];
export const REGIONS = ['Southeast Asia', 'South Asia', 'the Asia-Pacific', 'Central Asia', 'the Indo-Pacific', 'the Middle East', 'Africa', 'Latin America'];
export const ORDINALS = ['second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
export const HEADLINES = [
  '{A} and {B}: the {city} meeting signals a rapprochement', '{P} in {city}: what the visit tells us', '{A} turns to {B} as sanctions bite',
  'Energy, arms and votes: {A} and {B} draw closer', 'Why {B} is courting {A}', 'After the {city} talks, {A} looks east',
  '{A} and {B} sign deals on {topic}', 'A partnership of the isolated: {A} and {B}', '{P} praises {B} at {forum}',
];
export const PUBLISHERS = ['The Diplomat Review', 'Asia Times Monitor', 'Irrawaddy Weekly', 'Frontier Analysis', 'East Asia Forum Digest', 'Global Voices Asia', 'The Eurasia Observer', 'Mekong Report', 'Southeast Asia Briefing', 'Regional Security Notes'];
export const AUTHORS = ['Aung Zaw', 'Sebastian Strangio', 'Lucy Rong', 'Dmitri Trenin', 'Hla Hla Win', 'Nan Lwin', 'Ye Myo Hein', 'Anna Kireeva', 'Ian Storey', 'Bertil Lintner', 'Priyanka Ghosh', 'Tom Kean'];
export const FURNITURE = ['0', 'Share.', 'About Author', 'Comments are closed.', 'Read more', 'Advertisement', 'Print this article'];
export const FILLER = [
  'The two countries established diplomatic relations in {year}, and trade between them has grown steadily since.',
  'Observers in {capitalA} note that the relationship has deepened despite growing international isolation.',
  'Western governments have responded with further sanctions, which both sides dismissed as ineffective.',
  'The visit drew little attention in the international press, which was focused on events elsewhere.',
  'Analysts caution that many of the agreements signed so far remain on paper.',
  'Much to the delight of the hosts, the delegation was received with full honours.',
  'Details of the financing were not disclosed.',
  'The {org} did not respond to a request for comment.',
  'Critics argue that such deals mainly serve to legitimise the government in {capitalA}.',
  'In return, the visitors praised their hosts for raising the relationship to a new level.',
  'Ironically, the talks took place while a regional summit that had excluded {A} was under way.',
  'Contrary to growing disapproval in the region, {B} has made clear that it will not isolate {A}.',
];

/** The event types the corpus's events are of, worded as the seed's vocabulary words them. */
export const EVENT_TYPES = [
  { code: 'MEETING', label: 'Meeting', description: 'A meeting or talks between named people or delegations.' },
  { code: 'VISIT', label: 'Visit', description: 'A trip by a person or delegation to a place or country, possibly containing meetings and signings.' },
  { code: 'AGREEMENT', label: 'Agreement', description: 'A signed agreement, memorandum of understanding or treaty not covered by a more specific type.' },
  { code: 'STATEMENT', label: 'Statement', description: 'A public statement or declaration of position by a person or body.' },
  { code: 'MILITARY_EXERCISE', label: 'Military exercise', description: 'A military exercise or manoeuvres, national or multinational.' },
  { code: 'ARMS_TRADE', label: 'Arms trade', description: 'The sale, purchase or transfer of military hardware, or negotiations toward one.' },
  { code: 'ENERGY_DEAL', label: 'Energy deal', description: 'An agreement, contract, sale or delivery concerning energy supply or energy technology.' },
  { code: 'CONFERENCE', label: 'Conference or forum', description: 'A multilateral forum, summit or series of meetings with many participants.' },
  { code: 'ELECTION', label: 'Election', description: 'A national or local election.' },
  { code: 'PROPOSAL', label: 'Proposal or request', description: 'A request or proposal put by one party to another.' },
];
