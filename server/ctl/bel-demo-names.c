/* bel-demo-names.c - names, languages and staff of the demo school
 *
 * The student body is a US public high school in a mid-sized city with
 * established Latino, Black, Somali, Hmong, Vietnamese and Arab communities and
 * newer arrivals from Ukraine, Haiti and West Africa.  Home languages come out
 * around 60 % English and 20 % Spanish.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-demo-names.h"

/* ---- Anglo / European American ---- */
static const char * const anglo_female[] = {
  "Emma", "Olivia", "Ava", "Madison", "Abigail|Abby", "Emily", "Hannah", "Sarah", "Grace",
  "Chloe", "Lauren", "Megan", "Hailey", "Kaitlyn|Katie", "Elizabeth|Liz", "Rebecca|Becca",
  "Alexis|Lexi", "Brooke", "Molly", "Lily", "Claire", "Natalie", "Samantha|Sam", "Allison|Allie",
  "Morgan", "Sydney", "Kathryn|Kate", NULL
};
static const char * const anglo_male[] = {
  "Jacob|Jake", "Ethan", "Tyler", "Noah", "Mason", "Logan", "Benjamin|Ben", "Matthew|Matt",
  "William|Will", "Michael|Mike", "Christopher|Chris", "Nicholas|Nick", "Ryan", "Connor", "Owen",
  "Dylan", "Caleb", "Hunter", "Luke", "Jackson", "Zachary|Zach", "Austin", "Cole", "Nathan|Nate",
  "Samuel|Sam", "Gavin", "Carter", NULL
};
static const char * const anglo_family[] = {
  "Smith", "Johnson", "Miller", "Anderson", "Olson", "Peterson", "Schmidt", "Murphy", "O'Brien",
  "Sullivan", "Walsh", "Kowalski", "Nelson", "Larson", "Hansen", "Baker", "Campbell", "Cooper",
  "Fischer", "Meyer", "Novak", "Russo", "Moretti", "Thompson", "Wright", "Clark", "Hall",
  "Young", "Becker", "Lindqvist", "McCarthy", "Schultz", "Erickson", NULL
};
static const BelDemoLanguage anglo_languages[] = { { "English", 100 }, { NULL, 0 } };

/* ---- African American ---- */
static const char * const black_female[] = {
  "Aaliyah", "Jada", "Imani", "Destiny", "Nia", "Kennedy", "Jasmine|Jazz", "Brianna|Bri", "Zoe",
  "Taylor", "Maya", "Ashanti", "Kiara", "Amani", "Aniyah", "Makayla|Kayla", "Sanaa", "Trinity",
  "Janelle", "Ebony", "Tiana", NULL
};
static const char * const black_male[] = {
  "Jaylen", "Malik", "Jamal", "Darius", "DeShawn", "Isaiah", "Elijah|Eli", "Xavier", "Marcus",
  "Terrence|Terry", "Andre", "Jordan", "Cameron|Cam", "Kendrick", "Tyrell", "Jalen", "Micah",
  "Josiah", "Amari", "Darnell", "Khalil", NULL
};
static const char * const black_family[] = {
  "Washington", "Jackson", "Williams", "Johnson", "Brown", "Jones", "Davis", "Harris",
  "Robinson", "Thomas", "Jefferson", "Banks", "Coleman", "Freeman", "Mitchell", "Bryant",
  "Gaines", "Holloway", "Battle", "Ellis", "Walker", "Simmons", "Dorsey", NULL
};
static const BelDemoLanguage black_languages[] = { { "English", 100 }, { NULL, 0 } };

/* ---- Mexican and Central American ---- */
static const char * const latino_female[] = {
  "Sofía", "Valeria", "Camila", "Ximena", "Guadalupe|Lupe", "Daniela|Dani", "Jimena", "Mariana",
  "Alejandra|Ale", "Fernanda", "Yesenia", "Araceli", "Itzel", "Karla", "Brenda", "Esmeralda",
  "Natalia", "Andrea", "Gabriela|Gaby", "Luz", "Maribel", "Paola", "Dulce", "Yaretzi",
  "María José|Majo", "Citlali", NULL
};
static const char * const latino_male[] = {
  "José", "Luis", "Juan Carlos", "Alejandro|Alex", "Diego", "Santiago", "Mateo", "Jesús|Chuy",
  "Francisco|Paco", "Ángel", "Miguel", "Jorge", "Carlos", "Emiliano", "Adrián", "Kevin", "Brandon",
  "Eduardo|Lalo", "Ricardo", "Fernando", "Javier", "Óscar", "Iker", "Josué", "Bryan", NULL
};
static const char * const latino_family[] = {
  "García", "Hernández", "Martínez", "López", "González", "Rodríguez", "Pérez", "Sánchez",
  "Ramírez", "Torres", "Flores", "Rivera", "Gómez", "Díaz", "Reyes", "Morales", "Cruz", "Ortiz",
  "Gutiérrez", "Chávez", "Ramos", "Ruiz", "Mendoza", "Vargas", "Castillo", "Jiménez", "Moreno",
  "Romero", "Herrera", "Medina", "Aguilar", "Vásquez", "Guzmán", "Salazar", "Cisneros",
  "Orozco", NULL
};
static const BelDemoLanguage latino_languages[] = {
  { "Spanish", 78 }, { "English", 20 }, { "K'iche'", 2 }, { NULL, 0 }
};

/* ---- Brazilian ---- */
static const char * const brazil_female[] = {
  "Ana Clara", "Beatriz|Bia", "Larissa", "Gabriela|Gabi", "Isabela|Bela", "Júlia", "Letícia",
  "Manuela|Manu", "Yasmin", "Fernanda|Nanda", NULL
};
static const char * const brazil_male[] = {
  "João Pedro", "Gabriel", "Lucas", "Matheus", "Guilherme|Gui", "Rafael|Rafa", "Thiago",
  "Pedro Henrique", "Davi", "Felipe", NULL
};
static const char * const brazil_family[] = {
  "Silva", "Santos", "Oliveira", "Souza", "Ferreira", "Almeida", "Costa", "Rodrigues",
  "Carvalho", "Pereira", "Barbosa", NULL
};
static const BelDemoLanguage brazil_languages[] = {
  { "Portuguese", 70 }, { "English", 30 }, { NULL, 0 }
};

/* ---- Somali ---- */
static const char * const somali_female[] = {
  "Hodan", "Ayan", "Fadumo", "Hibaq", "Sagal", "Ifrah", "Nimco", "Hamdi", "Sahra", "Ilhan",
  "Deqa", "Ubah", "Istar", "Anisa", NULL
};
static const char * const somali_male[] = {
  "Abdirahman", "Mohamed", "Abdi", "Ahmed", "Hassan", "Mustafa", "Liban", "Omar", "Yusuf",
  "Guled", "Abdullahi", "Hamza", "Khadar", "Bashir", NULL
};
static const char * const somali_family[] = {
  "Hassan", "Ali", "Mohamed", "Abdi", "Farah", "Warsame", "Omar", "Osman", "Jama", "Hussein",
  "Aden", "Ibrahim", "Yusuf", "Abdullahi", "Egal", "Hersi", "Nur", NULL
};
static const BelDemoLanguage somali_languages[] = {
  { "Somali", 76 }, { "English", 22 }, { "Arabic", 2 }, { NULL, 0 }
};

/* ---- Ethiopian and Eritrean ---- */
static const char * const ethiopia_female[] = {
  "Hiwot", "Selam", "Meron", "Bethlehem|Betty", "Tigist", "Hanna", "Liya", "Saba", "Mahlet",
  "Rahel", NULL
};
static const char * const ethiopia_male[] = {
  "Dawit", "Yonas", "Abel", "Natnael|Nati", "Kaleb", "Biniam", "Henok", "Tesfaye", "Samuel|Sami",
  "Eyob", NULL
};
static const char * const ethiopia_family[] = {
  "Tesfaye", "Bekele", "Girma", "Haile", "Tadesse", "Alemu", "Mengistu", "Kebede", "Wolde",
  "Abebe", "Gebremedhin", NULL
};
static const BelDemoLanguage ethiopia_languages[] = {
  { "Amharic", 62 }, { "Tigrinya", 13 }, { "English", 25 }, { NULL, 0 }
};

/* ---- Nigerian and Ghanaian ---- */
static const char * const westafrica_female[] = {
  "Chiamaka|Amaka", "Adaeze|Ada", "Ngozi", "Oluwaseun|Seun", "Folake", "Abena", "Akosua", "Ama",
  "Efua", "Yetunde", "Temitope|Tope", "Blessing", "Precious", "Chidinma", NULL
};
static const char * const westafrica_male[] = {
  "Chinedu", "Chukwuemeka|Emeka", "Obinna", "Babatunde|Tunde", "Kwame", "Kofi", "Yaw",
  "Kwabena", "Oluwadamilare|Dami", "Babajide|Jide", "Ifeanyi|Ify", "Kwesi", "Ayodele|Ayo", NULL
};
static const char * const westafrica_family[] = {
  "Okafor", "Adeyemi", "Okonkwo", "Mensah", "Boateng", "Owusu", "Asante", "Adebayo", "Nwosu",
  "Eze", "Oyelaran", "Ogunleye", "Appiah", "Obi", NULL
};
static const BelDemoLanguage westafrica_languages[] = {
  { "English", 55 }, { "Yoruba", 18 }, { "Igbo", 12 }, { "Twi", 15 }, { NULL, 0 }
};

/* ---- Francophone West African (Guinea, Senegal, Mali) ---- */
static const char * const francoafrica_female[] = {
  "Fatoumata|Fatou", "Aminata", "Mariama", "Kadiatou", "Aissatou", "Oumou", "Awa", "Hawa", NULL
};
static const char * const francoafrica_male[] = {
  "Mamadou", "Ibrahima", "Ousmane", "Amadou", "Moussa", "Alpha", "Boubacar", "Sekou", NULL
};
static const char * const francoafrica_family[] = {
  "Diallo", "Bah", "Sow", "Barry", "Camara", "Traoré", "Keita", "Konaté", "Ndiaye", NULL
};
static const BelDemoLanguage francoafrica_languages[] = {
  { "French", 45 }, { "Fula", 30 }, { "Wolof", 10 }, { "English", 15 }, { NULL, 0 }
};

/* ---- Haitian ---- */
static const char * const haiti_female[] = {
  "Widelene", "Fabienne", "Nadège", "Mirlande", "Daphnée", "Stéphanie|Steph", "Guerline",
  "Roselande", "Sherline", "Christella", NULL
};
static const char * const haiti_male[] = {
  "Kervens", "Woodson", "Stevenson", "Widnerson", "Jameson", "Peterson", "Lovensky", "Frantz",
  "Wesley", "Jean-Marc", "Ricardo", NULL
};
static const char * const haiti_family[] = {
  "Jean-Baptiste", "Pierre", "Joseph", "Louis", "Charles", "Saint-Fleur", "Dorvil", "Toussaint",
  "Étienne", "Desrosiers", "Célestin", "Augustin", "Fleurimond", "Jean-Louis", NULL
};
static const BelDemoLanguage haiti_languages[] = {
  { "Haitian Creole", 74 }, { "French", 6 }, { "English", 20 }, { NULL, 0 }
};

/* ---- Arab (Iraqi, Syrian, Yemeni, Egyptian, Lebanese) ---- */
static const char * const arab_female[] = {
  "Fatima", "Mariam", "Noor", "Layla", "Aya", "Rania", "Hala", "Yasmin", "Salma", "Rawan",
  "Huda", "Zainab", "Amal", "Lina", NULL
};
static const char * const arab_male[] = {
  "Mohammed", "Ahmad", "Omar", "Ali", "Yousef|Joe", "Khalid", "Hamza", "Kareem", "Tariq",
  "Mustafa", "Ibrahim", "Hussein", "Zaid", "Adam", NULL
};
static const char * const arab_family[] = {
  "Al-Sayed", "Haddad", "Khalil", "Nasser", "Saleh", "Hamdan", "Mansour", "Al-Amin", "Hussein",
  "Abdullah", "Darwish", "Qasim", "Al-Obaidi", "Jaber", "Aziz", NULL
};
static const BelDemoLanguage arab_languages[] = {
  { "Arabic", 80 }, { "English", 20 }, { NULL, 0 }
};

/* ---- Indian ---- */
static const char * const india_female[] = {
  "Priya", "Ananya", "Diya", "Saanvi", "Riya", "Ishita", "Meera", "Anika", "Kavya", "Shreya",
  "Harleen", NULL
};
static const char * const india_male[] = {
  "Arjun", "Rohan", "Aarav", "Vikram|Vik", "Rahul", "Aryan", "Dev", "Siddharth|Sid", "Karthik",
  "Gurpreet", "Nikhil", NULL
};
static const char * const india_family[] = {
  "Patel", "Shah", "Singh", "Sharma", "Reddy", "Iyer", "Gupta", "Desai", "Mehta", "Nair",
  "Rao", "Joshi", NULL
};
static const BelDemoLanguage india_languages[] = {
  { "English", 45 }, { "Gujarati", 18 }, { "Hindi", 17 }, { "Telugu", 10 }, { "Punjabi", 10 },
  { NULL, 0 }
};

/* ---- Bangladeshi and Pakistani ---- */
static const char * const bangla_female[] = {
  "Nusrat", "Tasnim", "Sadia", "Farzana", "Sumaiya", "Ayesha", "Zara", "Mahnoor", "Hafsa", NULL
};
static const char * const bangla_male[] = {
  "Tanvir", "Rafiq", "Imran", "Faisal", "Zain", "Arif", "Sabbir", "Hamid", "Usman", NULL
};
static const char * const bangla_family[] = {
  "Rahman", "Chowdhury", "Hossain", "Khan", "Ahmed", "Islam", "Uddin", "Malik", "Qureshi",
  "Siddiqui", NULL
};
static const BelDemoLanguage bangla_languages[] = {
  { "Bengali", 45 }, { "Urdu", 30 }, { "English", 25 }, { NULL, 0 }
};

/* ---- Chinese ---- */
static const char * const china_female[] = {
  "Mei", "Xinyi|Cindy", "Yuxin", "Zihan|Sophie", "Jiayi", "Wen", "Yutong|Tina", "Ruoxi",
  "Shuang", "Jingyi|Jenny", "Xiaomei|Amy", NULL
};
static const char * const china_male[] = {
  "Wei", "Hao", "Jun", "Zhiwei", "Yichen|Ethan", "Haoran|Henry", "Jiahao", "Zihao|Jason", "Ming",
  "Tianyu", "Junjie|Jay", NULL
};
static const char * const china_family[] = {
  "Chen", "Wang", "Li", "Zhang", "Liu", "Huang", "Lin", "Zhao", "Wu", "Zhou", "Xu", "Sun", NULL
};
static const BelDemoLanguage china_languages[] = {
  { "Mandarin", 58 }, { "Cantonese", 17 }, { "English", 25 }, { NULL, 0 }
};

/* ---- Korean ---- */
static const char * const korea_female[] = {
  "Ji-woo", "Seo-yeon|Grace", "Min-seo", "Ha-eun|Hannah", "Soo-ah", "Yuna", "Ji-min", NULL
};
static const char * const korea_male[] = {
  "Min-jun|Daniel", "Seo-jun", "Do-yun", "Ji-ho", "Hyun-woo|Andrew", "Jae-won", "Sung-min", NULL
};
static const char * const korea_family[] = {
  "Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", NULL
};
static const BelDemoLanguage korea_languages[] = {
  { "Korean", 55 }, { "English", 45 }, { NULL, 0 }
};

/* ---- Vietnamese (as US rosters write the names, without tone marks) ---- */
static const char * const vietnam_female[] = {
  "Linh", "Thao", "Ngoc Anh", "Mai", "Trang", "Vy", "Khanh Linh", "Thuy", "Huong", "Phuong",
  "Nhi", "Tien", "Kim Ngan|Kim", NULL
};
static const char * const vietnam_male[] = {
  "Minh", "Huy", "Khoa", "Bao", "Tuan", "Long", "Duy", "Phuc", "Quang", "Duc", "Thanh", "Nam",
  "Hoang Anh|Tony", NULL
};
static const char * const vietnam_family[] = {
  "Nguyen", "Tran", "Le", "Pham", "Hoang", "Huynh", "Phan", "Vu", "Vo", "Dang", "Bui", "Do",
  "Ngo", NULL
};
static const BelDemoLanguage vietnam_languages[] = {
  { "Vietnamese", 75 }, { "English", 25 }, { NULL, 0 }
};

/* ---- Filipino ---- */
static const char * const philippines_female[] = {
  "Angelica|Angel", "Kristine", "Princess", "Jasmine", "Mary Grace", "Althea", "Andrea", "Danica",
  "Hazel", "Rica", "Bea", NULL
};
static const char * const philippines_male[] = {
  "Mark Anthony", "John Paul|JP", "Carlo", "Paolo", "Rafael", "Jericho", "Joshua|Josh",
  "Christian", "Miguel", "Renz", "Kyle", NULL
};
static const char * const philippines_family[] = {
  "Santos", "Reyes", "Cruz", "Bautista", "Mendoza", "Dela Cruz", "Villanueva", "Aquino",
  "Ramos", "Castillo", "Pascual", "Manalo", "Dizon", "Soriano", NULL
};
static const BelDemoLanguage philippines_languages[] = {
  { "Tagalog", 50 }, { "English", 40 }, { "Ilocano", 10 }, { NULL, 0 }
};

/* ---- Hmong ---- */
static const char * const hmong_female[] = {
  "Mai", "Pa Nhia", "Nou", "Yer", "Kia", "Der", "Chia", "Maiv", "Pa Houa", "See", "Jennifer",
  NULL
};
static const char * const hmong_male[] = {
  "Tou", "Kou", "Fue", "Pao", "Xeng", "Chue", "Teng", "Lue", "Kong", "Tong", "Meng", "Brandon",
  NULL
};
static const char * const hmong_family[] = {
  "Vang", "Xiong", "Yang", "Lee", "Thao", "Her", "Moua", "Lor", "Vue", "Hang", "Khang", "Cha",
  NULL
};
static const BelDemoLanguage hmong_languages[] = {
  { "Hmong", 74 }, { "English", 26 }, { NULL, 0 }
};

/* ---- Ukrainian ---- */
static const char * const ukraine_female[] = {
  "Sofiia", "Anastasiia|Nastia", "Yuliia", "Daryna", "Kateryna|Katia", "Viktoriia|Vika",
  "Oleksandra|Sasha", "Mariia", "Anna", "Polina", "Yeva", "Zlata", NULL
};
static const char * const ukraine_male[] = {
  "Oleksandr|Sasha", "Maksym|Max", "Artem", "Dmytro", "Andrii", "Bohdan", "Ivan", "Mykyta",
  "Yaroslav", "Danylo", "Nazar", "Taras", NULL
};
static const char * const ukraine_family[] = {
  "Kovalenko", "Shevchenko", "Bondarenko", "Tkachenko", "Kravchenko", "Melnyk", "Boyko",
  "Oliinyk", "Lysenko", "Koval", "Petrenko", "Savchenko", "Rudenko", "Marchenko", NULL
};
static const BelDemoLanguage ukraine_languages[] = {
  { "Ukrainian", 65 }, { "Russian", 15 }, { "English", 20 }, { NULL, 0 }
};

/* ---- Native American (Diné, Lakota, Lumbee, Muscogee, Ojibwe) ---- */
static const char * const native_female[] = {
  "Aiyana", "Winona", "Kateri", "Tala", "Cheyenne", "Shandiin", "Nizhoni", "Kaya", "Amber",
  "Skye", "Autumn", NULL
};
static const char * const native_male[] = {
  "Dakota", "Ahiga", "Koda", "Elan", "Cody", "Tristan", "Mato", "Jaden", "Wyatt", "Hunter",
  NULL
};
static const char * const native_family[] = {
  "Begay", "Yazzie", "Tsosie", "Benally", "Nez", "Locklear", "Oxendine", "Harjo", "Two Bulls",
  "Red Cloud", "Little Thunder", "Roanhorse", "Skenandore", NULL
};
static const BelDemoLanguage native_languages[] = {
  { "English", 92 }, { "Navajo", 5 }, { "Ojibwe", 3 }, { NULL, 0 }
};

/* ---- Pacific Islander (Samoan, Tongan) ---- */
static const char * const pacific_female[] = {
  "Malia", "Leilani", "Sina", "Losa", "Mele", "Salote", NULL
};
static const char * const pacific_male[] = {
  "Sione", "Tavita", "Iosefa|Joe", "Malakai|Kai", "Tevita", "Lagi", NULL
};
static const char * const pacific_family[] = {
  "Tuilagi", "Fonoti", "Faleolo", "Tupou", "Fifita", "Leota", "Sapolu", NULL
};
static const BelDemoLanguage pacific_languages[] = {
  { "Samoan", 35 }, { "Tongan", 25 }, { "English", 40 }, { NULL, 0 }
};

#define HERITAGE(key, weight, ethnicity, current, former, two_names) \
  { #key, weight, ethnicity, key##_female, key##_male, key##_family, key##_languages, \
    current, former, two_names }

const BelDemoHeritage bel_demo_heritages[] = {
  HERITAGE (anglo, 320, "White", 0, 0, 0),
  HERITAGE (black, 130, "Black or African American", 0, 0, 0),
  HERITAGE (latino, 253, "Hispanic or Latino", 36, 38, 12),
  HERITAGE (brazil, 12, "Hispanic or Latino", 46, 30, 0),
  HERITAGE (somali, 42, "Black or African American", 44, 34, 0),
  HERITAGE (ethiopia, 14, "Black or African American", 42, 36, 0),
  HERITAGE (westafrica, 22, "Black or African American", 36, 36, 0),
  HERITAGE (francoafrica, 10, "Black or African American", 58, 30, 0),
  HERITAGE (haiti, 20, "Black or African American", 52, 30, 0),
  HERITAGE (arab, 34, "Middle Eastern or North African", 47, 32, 0),
  HERITAGE (india, 20, "Asian", 23, 40, 0),
  HERITAGE (bangla, 14, "Asian", 39, 36, 0),
  HERITAGE (china, 22, "Asian", 39, 36, 0),
  HERITAGE (korea, 8, "Asian", 29, 40, 0),
  HERITAGE (vietnam, 30, "Asian", 31, 42, 0),
  HERITAGE (philippines, 22, "Asian", 26, 40, 0),
  HERITAGE (hmong, 24, "Asian", 34, 44, 0),
  HERITAGE (ukraine, 22, "White", 60, 15, 0),
  HERITAGE (native, 14, "American Indian or Alaska Native", 13, 30, 0),
  HERITAGE (pacific, 6, "Native Hawaiian or Other Pacific Islander", 32, 40, 0),
};

const guint bel_demo_n_heritages = G_N_ELEMENTS (bel_demo_heritages);

const char * const bel_demo_chosen_names[] = {
  "Alex", "Sam", "Jordan", "Rowan", "River", "Quinn", "Avery", "Riley", "Jamie", "Sage", "Ari",
  "Kai", "Eden", "Emerson", "Skylar", "Phoenix", NULL
};

/* 35 people: IT, three leaders, three counselors and 28 teachers.  Teachers
 * advise in this order, so with 20 advisories the first 20 do. */
const BelDemoStaffMember bel_demo_staff[] = {
  { "Dana Kowalczyk", BEL_DEMO_ROLE_ADMIN, "District IT administrator", NULL },
  { "Angela Whitfield", BEL_DEMO_ROLE_LEADER, "Principal", NULL },
  { "Marcus Oyelaran", BEL_DEMO_ROLE_LEADER, "Assistant principal", NULL },
  { "Lucía Bermúdez", BEL_DEMO_ROLE_LEADER, "Assistant principal — student services", NULL },
  { "Fatima Al-Sayed", BEL_DEMO_ROLE_COUNSELOR, "School counselor — grades 9 and 10", NULL },
  { "Tomás Rivera", BEL_DEMO_ROLE_COUNSELOR, "School counselor — grades 11 and 12", NULL },
  { "Hodan Warsame", BEL_DEMO_ROLE_COUNSELOR, "School social worker", NULL },
  { "Chinedu Okafor", BEL_DEMO_ROLE_TEACHER, "Grade 9 English", "214" },
  { "Mai Vang", BEL_DEMO_ROLE_TEACHER, "ELD teacher", "118" },
  { "Lan Nguyen", BEL_DEMO_ROLE_TEACHER, "Math — Algebra I", "226" },
  { "Sarah Goldberg", BEL_DEMO_ROLE_TEACHER, "Grade 10 English", "216" },
  { "James Whitehorse", BEL_DEMO_ROLE_TEACHER, "U.S. History", "302" },
  { "Priya Raman", BEL_DEMO_ROLE_TEACHER, "Biology", "141" },
  { "Olena Shevchenko", BEL_DEMO_ROLE_TEACHER, "Chemistry", "143" },
  { "Kwame Mensah", BEL_DEMO_ROLE_TEACHER, "Physics", "145" },
  { "Rosa Delgado", BEL_DEMO_ROLE_TEACHER, "Spanish for heritage speakers", "308" },
  { "Michael O'Brien", BEL_DEMO_ROLE_TEACHER, "Physical education", "Gym B" },
  { "Jean-Claude Pierre", BEL_DEMO_ROLE_TEACHER, "French and world languages", "310" },
  { "Yuki Tanaka", BEL_DEMO_ROLE_TEACHER, "Art", "Art studio" },
  { "Ahmed Hassan", BEL_DEMO_ROLE_TEACHER, "Math — Geometry", "228" },
  { "Grace Kim", BEL_DEMO_ROLE_TEACHER, "Math — Precalculus", "230" },
  { "Emily Larson", BEL_DEMO_ROLE_TEACHER, "Special education", "120" },
  { "Darnell Washington", BEL_DEMO_ROLE_TEACHER, "Special education — co-teacher", "122" },
  { "Isabel Ferreira", BEL_DEMO_ROLE_TEACHER, "ELD teacher", "116" },
  { "Robert Begay", BEL_DEMO_ROLE_TEACHER, "Career and technical education — construction", "Shop 2" },
  { "Hannah Schmidt", BEL_DEMO_ROLE_TEACHER, "Grade 11 English", "218" },
  { "Tuan Tran", BEL_DEMO_ROLE_TEACHER, "Computer science", "Lab 3" },
  { "Leilani Fonoti", BEL_DEMO_ROLE_TEACHER, "Health", "132" },
  { "Samir Haddad", BEL_DEMO_ROLE_TEACHER, "World history", "304" },
  { "Maria Santos", BEL_DEMO_ROLE_TEACHER, "Math — Algebra II", "232" },
  { "Kateryna Bondarenko", BEL_DEMO_ROLE_TEACHER, "Music — band and orchestra", "Band room" },
  { "Owen Murphy", BEL_DEMO_ROLE_TEACHER, "Government and economics", "306" },
  { "Aaliyah Brooks", BEL_DEMO_ROLE_TEACHER, "Grade 12 English", "220" },
  { "Wei Chen", BEL_DEMO_ROLE_TEACHER, "Environmental science", "147" },
  { "Abebe Girma", BEL_DEMO_ROLE_TEACHER, "Library media specialist", "Library" },
};

const guint bel_demo_n_staff = G_N_ELEMENTS (bel_demo_staff);

const char *
bel_demo_role_name (BelDemoRole role)
{
  switch (role)
    {
    case BEL_DEMO_ROLE_ADMIN:
      return "admin";
    case BEL_DEMO_ROLE_LEADER:
      return "leader";
    case BEL_DEMO_ROLE_COUNSELOR:
      return "counselor";
    case BEL_DEMO_ROLE_TEACHER:
      return "teacher";
    default:
      g_assert_not_reached ();
    }
}
