import type { NamePool } from './organisation.catalogue';

/** First and last names per name pool; people mostly get names of their location's pool. */
// prettier-ignore
export const NAMES: Readonly<Record<NamePool, { first: readonly string[]; last: readonly string[] }>> = {
  gb: {
    first: [
      'Oliver', 'George', 'Harry', 'Jack', 'Jacob', 'Noah', 'Charlie', 'Thomas', 'Oscar', 'William', 'James', 'Leo',
      'Alfie', 'Henry', 'Joshua', 'Freddie', 'Archie', 'Ethan', 'Isaac', 'Alexander', 'Mohammed', 'Daniel', 'Samuel',
      'Joseph', 'Lewis', 'Ryan', 'Adam', 'Arjun', 'Kwame', 'Olivia', 'Amelia', 'Isla', 'Ava', 'Emily', 'Sophie', 'Grace',
      'Lily', 'Freya', 'Charlotte', 'Ella', 'Mia', 'Evie', 'Poppy', 'Jessica', 'Sophia', 'Ruby', 'Chloe', 'Hannah',
      'Lucy', 'Megan', 'Priya', 'Aisha', 'Zara', 'Amara', 'Rebecca', 'Laura', 'Sarah', 'Rachel', 'Nadia', 'Fatima',
      'Yasmin', 'Chantelle', 'Bethany', 'Kirsty',
    ],
    last: [
      'Smith', 'Jones', 'Williams', 'Taylor', 'Brown', 'Davies', 'Evans', 'Wilson', 'Thomas', 'Johnson', 'Roberts',
      'Robinson', 'Thompson', 'Wright', 'Walker', 'White', 'Edwards', 'Hughes', 'Green', 'Hall', 'Lewis', 'Harris',
      'Clarke', 'Patel', 'Jackson', 'Wood', 'Turner', 'Martin', 'Cooper', 'Hill', 'Ward', 'Morris', 'Moore', 'Clark',
      'Lee', 'King', 'Baker', 'Harrison', 'Morgan', 'Allen', 'James', 'Scott', 'Phillips', 'Watson', 'Davis', 'Parker',
      'Price', 'Bennett', 'Young', 'Griffiths', 'Mitchell', 'Kelly', 'Cook', 'Carter', 'Richardson', 'Bailey', 'Collins',
      'Bell', 'Shaw', 'Murphy', 'Khan', 'Ahmed', 'Hussain', 'Begum', 'Singh', 'Shah', 'Okafor', 'Mensah', 'Nguyen',
      'Chen', 'Campbell', 'Stewart', 'MacDonald', 'Fraser',
    ],
  },
  ie: {
    first: [
      'Conor', 'Seán', 'Cian', 'Darragh', 'Oisín', 'Liam', 'Fionn', 'Cillian', 'Eoin', 'Niall', 'Ciarán', 'Padraig',
      'Aidan', 'Ronan', 'Declan', 'Shane', 'Aoife', 'Siobhán', 'Niamh', 'Saoirse', 'Caoimhe', 'Ciara', 'Orla', 'Sinéad',
      'Róisín', 'Aisling', 'Clodagh', 'Gráinne', 'Emer', 'Maeve', 'Deirdre', 'Eimear',
    ],
    last: [
      'Murphy', 'Kelly', "O'Sullivan", 'Walsh', 'Smith', "O'Brien", 'Byrne', 'Ryan', "O'Connor", "O'Neill", "O'Reilly",
      'Doyle', 'McCarthy', 'Gallagher', "O'Doherty", 'Kennedy', 'Lynch', 'Murray', 'Quinn', 'Moore', 'McLoughlin',
      "O'Carroll", 'Connolly', 'Daly', "O'Connell", 'Dunne', 'Brennan', 'Burke', 'Fitzgerald', 'Nolan', 'Kavanagh',
      'Farrell',
    ],
  },
  nl: {
    first: [
      'Daan', 'Sem', 'Lucas', 'Milan', 'Levi', 'Bram', 'Thijs', 'Jesse', 'Ruben', 'Sven', 'Joris', 'Stijn', 'Wouter',
      'Pieter', 'Jeroen', 'Niels', 'Emma', 'Julia', 'Sophie', 'Tess', 'Fleur', 'Anouk', 'Sanne', 'Lotte', 'Eva', 'Femke',
      'Iris', 'Noor', 'Maud', 'Lieke', 'Marloes', 'Esther',
    ],
    last: [
      'de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Janssen', 'Visser', 'Smit', 'Meijer',
      'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit',
      'Dijkstra', 'Smits', 'de Graaf', 'van der Meer', 'Kok', 'Jacobs', 'de Haan', 'Vermeulen', 'van der Linden',
    ],
  },
  de: {
    first: [
      'Lukas', 'Leon', 'Finn', 'Jonas', 'Paul', 'Felix', 'Maximilian', 'Tim', 'Jan', 'Niklas', 'Tobias', 'Stefan',
      'Matthias', 'Florian', 'Jürgen', 'Sebastian', 'Anna', 'Lena', 'Hannah', 'Leonie', 'Marie', 'Laura', 'Lea',
      'Katharina', 'Julia', 'Sabine', 'Jana', 'Franziska', 'Miriam', 'Johanna', 'Anja', 'Sophie',
    ],
    last: [
      'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Schäfer',
      'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann', 'Braun', 'Krüger',
      'Hofmann', 'Hartmann', 'Lange', 'Schmitt', 'Werner', 'Krause', 'Meier', 'Lehmann', 'Yilmaz', 'Kaya',
    ],
  },
  pl: {
    first: [
      'Jakub', 'Kacper', 'Szymon', 'Filip', 'Mateusz', 'Michał', 'Bartosz', 'Wojciech', 'Piotr', 'Tomasz', 'Krzysztof',
      'Paweł', 'Łukasz', 'Marcin', 'Adam', 'Grzegorz', 'Zuzanna', 'Julia', 'Maja', 'Zofia', 'Hanna', 'Aleksandra',
      'Natalia', 'Katarzyna', 'Agnieszka', 'Magdalena', 'Joanna', 'Monika', 'Karolina', 'Ewa', 'Małgorzata', 'Anna',
    ],
    last: [
      'Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kowalczyk', 'Kamiński', 'Lewandowski', 'Zieliński', 'Szymański',
      'Woźniak', 'Dąbrowski', 'Kozłowski', 'Jankowski', 'Mazur', 'Kwiatkowski', 'Krawczyk', 'Piotrowski', 'Grabowski',
      'Nowakowski', 'Pawłowski', 'Michalski', 'Król', 'Wieczorek', 'Jabłoński', 'Wróbel', 'Majewski', 'Olszewski',
      'Stępień', 'Malinowski', 'Jaworski',
    ],
  },
  fr: {
    first: [
      'Gabriel', 'Louis', 'Raphaël', 'Jules', 'Adam', 'Lucas', 'Hugo', 'Arthur', 'Nathan', 'Théo', 'Mathieu', 'Nicolas',
      'Julien', 'Antoine', 'Guillaume', 'Olivier', 'Emma', 'Jade', 'Louise', 'Alice', 'Chloé', 'Léa', 'Manon', 'Camille',
      'Inès', 'Sarah', 'Juliette', 'Margaux', 'Élodie', 'Céline', 'Amandine', 'Aurélie',
    ],
    last: [
      'Martin', 'Bernard', 'Thomas', 'Petit', 'Robert', 'Richard', 'Durand', 'Dubois', 'Moreau', 'Laurent', 'Simon',
      'Michel', 'Lefebvre', 'Leroy', 'Roux', 'David', 'Bertrand', 'Morel', 'Fournier', 'Girard', 'Bonnet', 'Dupont',
      'Lambert', 'Fontaine', 'Rousseau', 'Vincent', 'Muller', 'Lefèvre', 'Faure', 'Mercier', 'Benali', 'Haddad',
    ],
  },
};
